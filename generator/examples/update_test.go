package examples

import "flag"

// This package has no golden files. The flag is declared so that
// "go test ./generator/... -update", which rewrites the goldens of the
// packages that have them, also runs here instead of failing on an unknown
// flag.
var _ = flag.Bool("update", false, "no effect in this package: it has no golden files")
