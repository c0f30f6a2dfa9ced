package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRegistryIsComplete checks that the registry and the constants agree:
// each constant has one entry, each entry a constant, each code a
// severity, a stage and a meaning.
func TestRegistryIsComplete(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[Code]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || vs.Type == nil || vs.Type.(*ast.Ident).Name != "Code" {
			return true
		}
		v, _ := strconv.Unquote(vs.Values[0].(*ast.BasicLit).Value)
		consts[Code(v)] = vs.Names[0].Name
		return true
	})
	seen := map[Code]bool{}
	for _, c := range Codes() {
		if seen[c.Code] {
			t.Errorf("code %q is registered twice", c.Code)
		}
		seen[c.Code] = true
		if _, ok := consts[c.Code]; !ok {
			t.Errorf("code %q is registered but declares no constant", c.Code)
		}
		if c.Stage == "" || c.Doc == "" || c.Doc != strings.TrimSpace(c.Doc) || strings.Contains(c.Doc, "\n") {
			t.Errorf("code %q: want a stage and a one-line meaning, got %q, %q", c.Code, c.Stage, c.Doc)
		}
	}
	for c, name := range consts {
		if !seen[c] {
			t.Errorf("constant %s (%q) is not in the registry", name, c)
		}
	}
	if len(consts) < 40 {
		t.Fatalf("found %d code constants: the test does not read codes.go as it should", len(consts))
	}
}

// TestEveryFindingUsesARegisteredCode reads the source of the module and
// checks that every finding is made through Report or New with one of the
// constants, so that its severity is the registry's, and that every code
// of the registry is reported somewhere.
func TestEveryFindingUsesARegisteredCode(t *testing.T) {
	used := map[string]bool{}
	registered := map[string]bool{}
	for _, c := range Codes() {
		registered[string(c.Code)] = true
	}
	fset := token.NewFileSet()
	files := 0
	for _, dir := range []string{"../../generator", "../../cmd"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			files++
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					// A copy of a code, which the registry would not
					// keep in step.
					if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && registered[s] && filepath.ToSlash(p) != "../../generator/diag/codes.go" {
						t.Errorf("%s: the literal %s is a registered code: want its constant", fset.Position(n.Pos()), n.Value)
					}
				case *ast.SelectorExpr:
					if x, ok := n.X.(*ast.Ident); ok && x.Name == "diag" && strings.HasPrefix(n.Sel.Name, "Code") {
						used[n.Sel.Name] = true
					}
				case *ast.CompositeLit:
					// The zero Diagnostic, "no finding", is fine.
					if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Diagnostic" && len(n.Elts) > 0 {
						t.Errorf("%s: a diag.Diagnostic literal: want diag.New, which takes the code's severity", fset.Position(n.Pos()))
					}
				case *ast.CallExpr:
					if conv, ok := n.Fun.(*ast.SelectorExpr); ok && conv.Sel.Name == "Code" {
						if x, ok := conv.X.(*ast.Ident); ok && x.Name == "diag" {
							if _, lit := n.Args[0].(*ast.BasicLit); lit {
								t.Errorf("%s: diag.Code of a literal: want a constant of the registry", fset.Position(n.Pos()))
							}
						}
					}
					sel, ok := n.Fun.(*ast.SelectorExpr)
					if !ok || (sel.Sel.Name != "Report" && sel.Sel.Name != "New") || len(n.Args) < 2 {
						return true
					}
					if _, lit := n.Args[1].(*ast.BasicLit); lit {
						t.Errorf("%s: %s with a literal code: want a constant of the registry", fset.Position(n.Pos()), sel.Sel.Name)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 30 {
		t.Fatalf("read %d files: the test does not find the source as it should", files)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			name := s.(*ast.ValueSpec).Names[0].Name
			if !used[name] {
				t.Errorf("%s is registered but nothing reports it", name)
			}
		}
	}
}
