package resolve

import (
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator/model"
)

// byWire returns the struct of pkg whose OData name is wire.
func byWire(t *testing.T, pkg *model.Package, wire string) *model.Struct {
	t.Helper()
	for _, s := range pkg.Structs {
		if s.WireName == wire {
			return s
		}
	}
	t.Fatalf("no type %s", wire)
	return nil
}

// TestFamiliesGetAnInterfaceName pins the names of the interfaces of the
// types others derive from, on the shape of v1.0 namedlocation.md and
// ipnamedlocation.md: "Any" and the type's name, another number when a
// type has that name, and none for a type nothing derives from.
func TestFamiliesGetAnInterfaceName(t *testing.T) {
	pkg, diags := resolveFiles(t, map[string]string{
		"namedlocation.md":      resource("microsoft.graph", "namedLocation", "", "displayName"),
		"ipnamedlocation.md":    resource("microsoft.graph", "ipNamedLocation", "namedLocation", "isTrusted"),
		"anyipnamedlocation.md": resource("microsoft.graph", "anyIPNamedLocation", "", "x"),
		"trustedlocation.md":    resource("microsoft.graph", "trustedLocation", "ipNamedLocation", "y"),
		// A property named as the family's method would hide it.
		"otherlocation.md": resource("microsoft.graph", "otherLocation", "namedLocation", "asNamedLocation"),
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for wire, want := range map[string]string{
		"microsoft.graph.namedLocation":      "AnyNamedLocation",
		"microsoft.graph.ipNamedLocation":    "AnyIPNamedLocation2",
		"microsoft.graph.trustedLocation":    "",
		"microsoft.graph.anyIPNamedLocation": "",
	} {
		if got := byWire(t, pkg, wire).Interface; got != want {
			t.Errorf("%s: interface %q, want %q", wire, got, want)
		}
	}
	f := byWire(t, pkg, "microsoft.graph.otherLocation").Fields[0]
	if f.Name == "AsNamedLocation" || !strings.HasPrefix(f.Name, "AsNamedLocation") {
		t.Errorf("field asNamedLocation of a type derived from namedLocation is %s, want another name than the method's", f.Name)
	}
}

// TestOpenInProse checks that a page that leaves openType out of its
// annotation but calls the type open in its introduction makes an open
// type, as plannerassignments.md ("This type is an open type.") and
// planneruserids.md ("This is an Open Type.") do.
func TestOpenInProse(t *testing.T) {
	page := func(name, sentence string) string {
		return strings.Replace(resource("microsoft.graph", name, "", "x"), "The "+name+".", "The "+name+". "+sentence, 1)
	}
	pkg, _ := resolveFiles(t, map[string]string{
		"plannerassignments.md": page("plannerAssignments", "This type is an open type."),
		"planneruserids.md":     page("plannerUserIds", "This is an Open Type."),
		"plannertask.md":        page("plannerTask", "Properties of an open type can be set by clients."),
	})
	for wire, want := range map[string]bool{
		"microsoft.graph.plannerAssignments": true,
		"microsoft.graph.plannerUserIds":     true,
		"microsoft.graph.plannerTask":        false,
	} {
		if got := byWire(t, pkg, wire).Open; got != want {
			t.Errorf("%s: open %v, want %v", wire, got, want)
		}
	}
}
