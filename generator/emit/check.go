package emit

import (
	"go/build"
	"go/token"
	"io"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/model"
	"github.com/graphgen/graphgen/templates"
)

// helpersFile is the file of the test helpers every package gets, whatever
// its types; the support code's files are named by package templates.
const helpersFile = "graphgen_test.go"

// ReservedNames returns the package-level identifiers that the support code
// of every generated package declares, read from its source, so that
// resolution can keep type names clear of them. The slice is new on each
// call.
func ReservedNames() []string { return model.SupportNames() }

// reservedMember says which member generated for s the field name would
// clash with, given what s inherits. Every member the support code names
// is reserved, whether or not s has it, as resolution reserves them: a name
// that is free on one type and taken on its derived open type would not
// stay put. The embedded bases take their type names, and the interfaces
// of s and of its bases their methods.
func reservedMember(s *model.Struct, name string, in *inherited) (string, bool) {
	if slices.Contains(model.SupportMembers(), name) {
		return name + ", a member graphgen gives generated structs", true
	}
	if in.bases[name] > 0 {
		return "the embedded base type " + name, true
	}
	if s.Interface != "" && name == s.FamilyMethod() {
		return "the method of interface " + s.Interface, true
	}
	if iface, ok := in.familyMethods[name]; ok {
		return "the method of interface " + iface, true
	}
	return "", false
}

// checker collects the findings of check.
type checker struct {
	pkg     *model.Package
	list    diag.List
	structs map[*model.Struct]bool
	enums   map[*model.Enum]bool
	names   map[string]bool   // package-level identifiers seen so far
	files   map[string]string // file names seen so far, and their test files, by goFold
}

// Check returns, all at once, every problem of pkg that would make the
// generated package fail to compile or lose data silently: the findings of
// Package, without emitting anything.
func Check(pkg *model.Package) diag.List {
	l, _ := check(pkg).(diag.List)
	return l
}

// check reports, all at once, every problem of pkg that would make the
// generated package fail to compile or lose data silently.
func check(pkg *model.Package) error {
	if pkg == nil {
		var l diag.List
		l.Report(diag.Pos{}, diag.CodeEmitName, "no package to emit")
		return l
	}
	c := &checker{pkg: pkg, structs: map[*model.Struct]bool{}, enums: map[*model.Enum]bool{}, names: map[string]bool{}, files: map[string]string{}}
	if !token.IsIdentifier(pkg.Name) || pkg.Name == "_" || pkg.Name == "main" {
		c.list.Report(diag.Pos{}, diag.CodeEmitName, "invalid package name %q: want a Go identifier other than _ and main", pkg.Name)
	}
	for _, n := range ReservedNames() {
		c.names[n] = true
	}
	// The support files and the helpers are reserved as a whole by
	// templates.IsSupportFileName; a type's test file folding onto one of
	// them is caught there too.
	for _, s := range pkg.Structs {
		c.structs[s] = true
	}
	for _, e := range pkg.Enums {
		c.enums[e] = true
	}
	for _, e := range sortedEnums(pkg) {
		c.enum(e)
	}
	c.checkStructs(sortedStructs(pkg))
	c.list.Sort()
	return c.list.Err()
}

// ident checks that name can be the exported identifier of a declaration
// that encoding/json and other packages can see.
func (c *checker) ident(pos diag.Pos, what, name string) bool {
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		c.list.Report(pos, diag.CodeEmitName, "invalid %s name %q: want an exported Go identifier", what, name)
		return false
	}
	return true
}

// global checks a package-level identifier for validity and uniqueness.
func (c *checker) global(pos diag.Pos, what, name string) {
	if !c.ident(pos, what, name) {
		return
	}
	if c.names[name] {
		c.list.Report(pos, diag.CodeEmitName, "%s name %q is declared twice in package %s or is reserved by the support file: want a unique name", what, name, c.pkg.Name)
		return
	}
	c.names[name] = true
}

// file checks a Go file name. The go command treats "_test.go" files as
// tests, and skips files starting with "_" or "." and files whose names end
// in an operating system or architecture on other platforms, so such names
// would drop types from the package. It refuses to build a package with two
// file names that differ only in case, and to put in a module a file named
// like a Windows device or holding characters some systems refuse.
func (c *checker) file(pos diag.Pos, name string) {
	switch {
	case name == "" || path.Base(name) != name || strings.ContainsAny(name, `/\`):
		c.list.Report(pos, diag.CodeEmitFile, "invalid file name %q: want a base name", name)
	case !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go"):
		c.list.Report(pos, diag.CodeEmitFile, "invalid file name %q: want a name ending in .go but not _test.go", name)
	case !buildsEverywhere(name):
		c.list.Report(pos, diag.CodeEmitFile, "invalid file name %q: the go command skips it on some or all platforms (a leading _ or ., or a _GOOS or _GOARCH suffix)", name)
	case templates.IsSupportFileName(goFold(name)):
		c.list.Report(pos, diag.CodeEmitFile, "file name %q is reserved for the support code (graphgen.go and graphgen_*.go): want another name", name)
	case windowsDevice(name) != "":
		c.list.Report(pos, diag.CodeEmitFile, "invalid file name %q: Windows reserves %q, whatever the extension, and the go command refuses it in a module: want another name", name, windowsDevice(name))
	default:
		if r, bad := badZipRune(name); bad {
			c.list.Report(pos, diag.CodeEmitFile, "invalid file name %q: the go command refuses %q in the name of a file in a module: want letters, digits, spaces or %s", name, r, zipNameChars[:len(zipNameChars)-1])
			return
		}
		for _, n := range []string{name, testFileName(name)} {
			if other, ok := c.files[goFold(n)]; !ok {
				c.files[goFold(n)] = n
			} else if other != n {
				c.list.Report(pos, diag.CodeEmitFile, "file names %q and %q differ only in case, and the go command refuses to build them together: want names unique under its case folding", other, n)
				return
			}
		}
	}
}

// buildsEverywhere reports whether the go command builds a file of that name
// on every platform.
func buildsEverywhere(name string) bool {
	return isPlainGoName(name) || goBuildMatches(name)
}

// isPlainGoName reports whether name is a .go file name without a leading
// "." and without "_": only those or a "_"-separated suffix exclude a file,
// so such a name needs no question, and nearly every generated name is one.
func isPlainGoName(name string) bool {
	return strings.HasSuffix(name, ".go") && !strings.HasPrefix(name, ".") && !strings.Contains(name, "_")
}

// goBuildMatches asks go/build whether it builds a file of that name, on a
// platform no name mentions, with file contents that carry no build
// constraint.
func goBuildMatches(name string) bool {
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.BuildTags = "graphgen", "graphgen", nil
	ctx.OpenFile = func(string) (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader("package p\n")), nil
	}
	ok, err := ctx.MatchFile(".", name)
	return ok && err == nil
}

func (c *checker) enum(e *model.Enum) {
	c.global(e.Source, "enum", e.Name)
	c.file(e.Source, e.File)
	values := map[string]bool{}
	for _, m := range e.Members {
		c.global(m.Pos, "enum member", m.Name)
		if values[m.Value] {
			c.list.Report(m.Pos, diag.CodeEmitName, "enum %s declares the value %q twice: want each value once", e.Name, m.Value)
		}
		values[m.Value] = true
	}
}

// checkStructs checks the types of the package: each name and file, then the
// fields of each type against what it inherits, in one depth-first walk of
// the inheritance forest that keeps the names of the types it is below, so
// that the cost is linear in the package, not in the sum of the chains.
func (c *checker) checkStructs(structs []*model.Struct) {
	for _, s := range structs {
		c.global(s.Source, "type", s.Name)
		if s.Interface != "" {
			c.global(s.Source, "interface", s.Interface)
		}
		c.file(s.Source, s.File)
	}
	var in inherited
	in.init()
	visited := map[*model.Struct]bool{}
	// badBase is the root of the current tree when its base is not in the
	// package: nothing below it is checked further.
	var badBase *model.Struct
	model.WalkInheritance(structs, func(s *model.Struct) {
		visited[s] = true
		if s.Base != nil && !c.structs[s.Base] {
			badBase = s
		}
		if badBase != nil {
			c.list.Report(s.Source, diag.CodeEmitType, "base type %q of %s is not in package %s: want a type of the package", badBase.Base.Name, s.Name, c.pkg.Name)
			return
		}
		c.fields(s, &in)
		in.enter(s)
	}, func(s *model.Struct) {
		if badBase != nil {
			if badBase == s {
				badBase = nil
			}
			return
		}
		in.leave(s)
	})
	// What the walk did not reach is on a base cycle, or below one: every
	// walk up such a chain would loop.
	for _, s := range structs {
		if visited[s] {
			continue
		}
		seen := map[*model.Struct]bool{s: true}
		for b := s.Base; b != nil; b = b.Base {
			if seen[b] {
				c.list.Report(s.Source, diag.CodeEmitType, "type %s inherits from itself through %s: want an acyclic base chain", s.Name, b.Name)
				break
			}
			seen[b] = true
		}
	}
}

// inherited holds, during the walk, the members of the types above the
// current one: counts, as a name may be declared twice on a chain, which
// is reported where it is, and each type takes back what it added.
type inherited struct {
	goNames, jsonNames, bases map[string]int
	// familyMethods holds the methods of the interfaces of the types
	// above, by the interface's name.
	familyMethods map[string]string
	odataTypes    int // types above that carry "@odata.type"
}

func (in *inherited) init() {
	in.goNames, in.jsonNames, in.bases = map[string]int{}, map[string]int{}, map[string]int{}
	in.familyMethods = map[string]string{}
}

func (in *inherited) enter(s *model.Struct) {
	for _, f := range s.Fields {
		in.goNames[f.Name]++
		in.jsonNames[f.JSONName]++
	}
	in.bases[s.Name]++
	if s.HasODataType {
		in.odataTypes++
	}
	if s.Interface != "" {
		in.familyMethods[s.FamilyMethod()] = s.Interface
	}
}

func (in *inherited) leave(s *model.Struct) {
	for _, f := range s.Fields {
		in.goNames[f.Name]--
		in.jsonNames[f.JSONName]--
	}
	in.bases[s.Name]--
	if s.HasODataType {
		in.odataTypes--
	}
	if s.Interface != "" {
		delete(in.familyMethods, s.FamilyMethod())
	}
}

// fields checks the fields s declares against each other and against
// what it inherits, held in in.
func (c *checker) fields(s *model.Struct, in *inherited) {
	goNames := map[string]bool{}
	jsonNames := map[string]bool{}
	if in.odataTypes > 0 || s.HasODataType {
		jsonNames["@odata.type"] = true
	}
	for _, f := range s.Fields {
		if c.ident(f.Pos, "field", f.Name) {
			if why, ok := reservedMember(s, f.Name, in); ok {
				c.list.Report(f.Pos, diag.CodeEmitName, "field name %s of %s clashes with %s: want another name", f.Name, s.Name, why)
			} else if goNames[f.Name] || in.goNames[f.Name] > 0 {
				c.list.Report(f.Pos, diag.CodeEmitName, "field name %s is declared twice in %s or its bases: want a unique name", f.Name, s.Name)
			}
		}
		goNames[f.Name] = true
		if !validJSONName(f.JSONName) {
			c.list.Report(f.Pos, diag.CodeEmitJSONName, "invalid JSON member name %q of %s.%s: want letters, digits or !#$%%&()*+-./:;<=>?@[]^_{|}~ and spaces", f.JSONName, s.Name, f.Name)
		} else if jsonNames[f.JSONName] || in.jsonNames[f.JSONName] > 0 {
			c.list.Report(f.Pos, diag.CodeEmitJSONName, "JSON member %q is declared twice in %s or its bases: want a unique member name", f.JSONName, s.Name)
		}
		jsonNames[f.JSONName] = true
		c.typeRef(f, s)
	}
}

// typeRef checks that the type of field f of s refers to something the
// package declares.
func (c *checker) typeRef(f *model.Field, s *model.Struct) {
	t := f.Type
	switch t.Kind {
	case model.KindPrimitive:
		if primitiveType(t.Primitive) == nil {
			c.list.Report(f.Pos, diag.CodeEmitType, "unknown primitive %q of %s.%s: want an Edm primitive", t.Primitive, s.Name, f.Name)
		}
	case model.KindEnum:
		if !c.enums[t.Enum] {
			c.list.Report(f.Pos, diag.CodeEmitType, "enum type of %s.%s is not in package %s: want an enum of the package", s.Name, f.Name, c.pkg.Name)
		}
	case model.KindStruct:
		if !c.structs[t.Struct] {
			c.list.Report(f.Pos, diag.CodeEmitType, "struct type of %s.%s is not in package %s: want a type of the package", s.Name, f.Name, c.pkg.Name)
		}
	case model.KindRaw:
	default:
		c.list.Report(f.Pos, diag.CodeEmitType, "unknown kind %v of %s.%s", t.Kind, s.Name, f.Name)
	}
}

// validJSONName reports whether name can be the name in a json struct tag.
// encoding/json silently ignores a tag name outside this set and falls back
// to the Go field name.
func validJSONName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
