package resolve

import "testing"

func TestExportedName(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"initialism at the end/inviteparticipantsoperation.md", "replacesCallId", "ReplacesCallID"},
		{"bare id/identity.md", "id", "ID"},
		{"url initialism/driveitem.md", "webUrl", "WebURL"},
		{"instance annotation", "@odata.type", "ODataType"},
		{"upper-case run then a word", "HTTPSProxy", "HTTPSProxy"},
		{"upper-case first letter/policy definition tables", "ApplicationPolicies", "ApplicationPolicies"},
		{"dot inside a name", "answered.by", "AnsweredBy"},
		{"leading digit", "1stValue", "X1stValue"},
		{"hyphen", "a-b", "AB"},
		{"non-ASCII letter", "señal", "Señal"},
		{"letters without case", "日本", "X日本"},
		{"nothing usable", "--", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exportedName(tt.in); got != tt.want {
				t.Errorf("exportedName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNamerClaimsInOrder(t *testing.T) {
	n := newNamer(false, "Validate")
	for _, c := range []struct{ in, want string }{
		{"Validate", "Validate2"}, // reserved by every generated struct
		{"ID", "ID"},
		{"ID", "ID2"}, // "id" and "ID" on one page, as device.md has
		{"ID", "ID3"},
	} {
		if got := n.claim(c.in); got != c.want {
			t.Errorf("claim(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	files := newNamer(true, "graphgen")
	if got := files.claim("GraphGen"); got != "GraphGen2" {
		t.Errorf("case-folding claim of a reserved file name = %q, want %q", got, "GraphGen2")
	}
}

// TestNamespaceClaiming pins who gets a Go name when two things want it.
// Types, enums and enum constants share the package's namespace; fields
// share their type's and its bases'.
func TestNamespaceClaiming(t *testing.T) {
	const graph, callRecords = "microsoft.graph", "microsoft.graph.callRecords"
	tests := []struct {
		name  string
		files map[string]string
		want  map[string]string // what goNames keys it by → Go name
	}{
		{
			name: "the default namespace claims first/callrecords-session.md",
			files: map[string]string{
				// callrecords-session.md comes first in path order, and
				// still does not take Session from microsoft.graph.
				"callrecords-session.md": resource(callRecords, "session", ""),
				"session.md":             resource(graph, "session", ""),
			},
			want: map[string]string{
				"type microsoft.graph.session":             "Session",
				"type microsoft.graph.callRecords.session": "CallRecordsSession",
			},
		},
		{
			name:  "another namespace keeps a bare name nobody else wants/callrecords-session.md",
			files: map[string]string{"callrecords-session.md": resource(callRecords, "session", "")},
			want:  map[string]string{"type microsoft.graph.callRecords.session": "Session"},
		},
		{
			name:  "the support file's names are numbered",
			files: map[string]string{"some.md": resource(graph, "some", ""), "nullable.md": resource(graph, "nullable", "")},
			want:  map[string]string{"type microsoft.graph.some": "Some2", "type microsoft.graph.nullable": "Nullable2"},
		},
		{
			name:  "a type claims before an enum of the same name",
			files: map[string]string{"status.md": resource(graph, "status", ""), "status-enum.md": enumPage("status", "done")},
			want:  map[string]string{"type microsoft.graph.status": "Status", "enum microsoft.graph.status": "Status2"},
		},
		{
			name:  "enum constants claim after every type",
			files: map[string]string{"color.md": enumPage("color", "red"), "colorred.md": resource(graph, "colorRed", "")},
			want:  map[string]string{"type microsoft.graph.colorRed": "ColorRed", "member microsoft.graph.color/red": "ColorRed2"},
		},
		{
			name:  "a field is numbered away from what every struct declares",
			files: map[string]string{"widget.md": resource(graph, "widget", "", "validate", "odataType", "additionalData", "marshalJSON")},
			want: map[string]string{
				"field microsoft.graph.widget/validate":       "Validate2",
				"field microsoft.graph.widget/odataType":      "ODataType2",
				"field microsoft.graph.widget/additionalData": "AdditionalData2",
				"field microsoft.graph.widget/marshalJSON":    "MarshalJSON2",
			},
		},
		{
			name: "a field is numbered away from its base type, the embedded field",
			files: map[string]string{
				"entity.md": resource(graph, "entity", "", "id"),
				"widget.md": resource(graph, "widget", "entity", "entity"),
			},
			want: map[string]string{"field microsoft.graph.widget/entity": "Entity2"},
		},
		{
			name: "a field is numbered away from an inherited field of the same Go name",
			files: map[string]string{
				"entity.md": resource(graph, "entity", "", "displayName"),
				"widget.md": resource(graph, "widget", "entity", "display_name"),
			},
			want: map[string]string{
				"field microsoft.graph.entity/displayName":  "DisplayName",
				"field microsoft.graph.widget/display_name": "DisplayName2",
			},
		},
		{
			name: "types derived from one base name their fields apart",
			files: map[string]string{
				"entity.md": resource(graph, "entity", "", "id"),
				"left.md":   resource(graph, "left", "entity", "extra"),
				"leaf.md":   resource(graph, "leaf", "left", "extra_"),
				// right comes after left's line, whose names it must not
				// see.
				"right.md": resource(graph, "right", "entity", "extra"),
			},
			want: map[string]string{
				"field microsoft.graph.left/extra":  "Extra",
				"field microsoft.graph.leaf/extra_": "Extra2",
				"field microsoft.graph.right/extra": "Extra",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, diags := resolveFiles(t, tt.files)
			if diags.HasErrors() {
				t.Fatalf("resolving: %v", diags)
			}
			got := goNames(pkg)
			for key, want := range tt.want {
				if got[key] != want {
					t.Errorf("%s is named %q, want %q", key, got[key], want)
				}
			}
		})
	}
}
