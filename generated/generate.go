// Package generated holds the Go packages graphgen generates from the pages
// in ../spec. Regenerate them with "go generate ./..." from the module root;
// a test fails when they differ from what the pages produce.
package generated

//go:generate go run ../cmd/graphgen generate -q -spec ../spec/beta -out beta -pkg beta
//go:generate go run ../cmd/graphgen generate -q -spec ../spec/v1.0 -out v1 -pkg v1
//go:generate go run ../cmd/graphgen generate -q -spec ../spec/mail -out mail -pkg mail
//go:generate go run ../cmd/graphgen generate -q -spec ../spec/beta -out strict -pkg strict -strict-enums
