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
