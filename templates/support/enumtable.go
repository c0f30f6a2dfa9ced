package support

// enumTable lists the members of each enum type of the package, by Go name,
// in declaration order. In a generated package, graphgen writes this
// variable, holding the package's enums, in graphgen_enumtable.go instead of
// this file, which is not copied; here it is empty, and the tests of this
// package fill it with their own enums before any is looked up.
var enumTable []enumEntry

// typeTable lists the struct types of the package, by OData name, each as
// a nil pointer of its type. In a generated package, graphgen writes it
// beside enumTable; here it is empty, and the tests of this package fill
// it with their own types before any is looked up.
var typeTable []typeEntry
