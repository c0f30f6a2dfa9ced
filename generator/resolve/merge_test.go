package resolve

import (
	"slices"
	"testing"
)

// TestPageMerging pins how pages that declare one type between them become
// one struct: which page leads, the order of the fields, and what is
// reported.
func TestPageMerging(t *testing.T) {
	const graph = "microsoft.graph"
	tests := []struct {
		name      string
		files     map[string]string
		wire      string   // the merged type
		source    string   // the page that leads
		more      []string // the other pages, in path order
		fields    []string // the JSON names of its fields, in order
		merged    []string // the duplicate-type warnings
		nameCases []string // the name-case warnings
	}{
		{
			name: "the page named after the type leads/user.md and intune-shared-user.md",
			files: map[string]string{
				// intune-shared-user.md comes first in path order.
				"intune-shared-user.md": resource(graph, "user", "", "id", "managedDevices"),
				"user.md":               resource(graph, "user", "", "id", "displayName"),
			},
			wire:   "microsoft.graph.user",
			source: "user.md",
			more:   []string{"intune-shared-user.md"},
			// The repeated id is left out without a word.
			fields: []string{"id", "displayName", "managedDevices"},
			merged: []string{`intune-shared-user.md:1:1: warning: type "microsoft.graph.user" is declared again; its properties are merged into the declaration at user.md:1:1 [duplicate-type]`},
		},
		{
			name: "else the first page in path order leads/intune-*-devicemanagement.md",
			files: map[string]string{
				"intune-shared-devicemanagement.md":  resource(graph, "deviceManagement", "", "id", "settings"),
				"intune-devices-devicemanagement.md": resource(graph, "deviceManagement", "", "id", "managedDevices"),
				"intune-apps-devicemanagement.md":    resource(graph, "deviceManagement", "", "id", "mobileApps"),
			},
			wire:   "microsoft.graph.deviceManagement",
			source: "intune-apps-devicemanagement.md",
			more:   []string{"intune-devices-devicemanagement.md", "intune-shared-devicemanagement.md"},
			fields: []string{"id", "mobileApps", "managedDevices", "settings"},
			merged: []string{
				`intune-devices-devicemanagement.md:1:1: warning: type "microsoft.graph.deviceManagement" is declared again; its properties are merged into the declaration at intune-apps-devicemanagement.md:1:1 [duplicate-type]`,
				`intune-shared-devicemanagement.md:1:1: warning: type "microsoft.graph.deviceManagement" is declared again; its properties are merged into the declaration at intune-apps-devicemanagement.md:1:1 [duplicate-type]`,
			},
		},
		{
			name: "type names are matched without case",
			files: map[string]string{
				"user.md":  resource(graph, "user", "", "id"),
				"user2.md": resource(graph, "User", "", "id", "mail"),
			},
			wire:   "microsoft.graph.user",
			source: "user.md",
			more:   []string{"user2.md"},
			fields: []string{"id", "mail"},
			merged: []string{`user2.md:1:1: warning: type "microsoft.graph.user" is declared again; its properties are merged into the declaration at user.md:1:1 [duplicate-type]`},
		},
		{
			name: "a row another page spells in other case is a member of its own",
			files: map[string]string{
				"intune-shared-user.md": resource(graph, "user", "", "Id"),
				"user.md":               resource(graph, "user", "", "id"),
			},
			wire:      "microsoft.graph.user",
			source:    "user.md",
			more:      []string{"intune-shared-user.md"},
			fields:    []string{"id", "Id"},
			merged:    []string{`intune-shared-user.md:1:1: warning: type "microsoft.graph.user" is declared again; its properties are merged into the declaration at user.md:1:1 [duplicate-type]`},
			nameCases: []string{`intune-shared-user.md:11:3: warning: property "Id" differs from "id" (at user.md:11:3) only in case; both are kept, as JSON member names match exactly: "Id" is field ID2, and "id" is field ID [name-case]`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, diags := resolveFiles(t, tt.files)
			if len(pkg.Structs) != 1 {
				t.Fatalf("%d types, want the one merged", len(pkg.Structs))
			}
			s := findStruct(t, pkg, tt.wire)
			if s.Source.File != tt.source {
				t.Errorf("the type is declared at %s, want %s", s.Source, tt.source)
			}
			var more []string
			for _, p := range s.MoreSources {
				more = append(more, p.File)
			}
			if !slices.Equal(more, tt.more) {
				t.Errorf("other pages %q, want %q", more, tt.more)
			}
			if got := jsonNames(s.Fields); !slices.Equal(got, tt.fields) {
				t.Errorf("fields %q, want %q", got, tt.fields)
			}
			if got := withCode(diags, "duplicate-type"); !slices.Equal(got, tt.merged) {
				t.Errorf("duplicate-type warnings:\n%q\nwant:\n%q", got, tt.merged)
			}
			if got := withCode(diags, "name-case"); !slices.Equal(got, tt.nameCases) {
				t.Errorf("name-case warnings:\n%q\nwant:\n%q", got, tt.nameCases)
			}
			if got := withCode(diags, "duplicate-property"); len(got) > 0 {
				t.Errorf("rows repeated by another page are reported: %q", got)
			}
		})
	}
}

// TestTypesOfTwoNamespacesAreNotMerged: callRecords' session is a type of
// its own beside microsoft.graph's (callrecords-session.md).
func TestTypesOfTwoNamespacesAreNotMerged(t *testing.T) {
	pkg, diags := resolveFiles(t, map[string]string{
		"callrecords-session.md": resource("microsoft.graph.callRecords", "session", "", "id"),
		"session.md":             resource("microsoft.graph", "session", "", "id"),
	})
	if len(pkg.Structs) != 2 {
		t.Errorf("%d types, want 2", len(pkg.Structs))
	}
	if got := withCode(diags, "duplicate-type"); len(got) > 0 {
		t.Errorf("reported as one type: %q", got)
	}
}
