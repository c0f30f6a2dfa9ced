package lint

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/reader"
)

// page builds a resource page from a properties table, a relationships
// table (may be empty), an annotation body and a JSON block.
func page(h1, intro, props, rels, annot, js string) string {
	var b strings.Builder
	b.WriteString("# " + h1 + "\n\n" + intro + "\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n" + props + "\n")
	if rels != "" {
		b.WriteString("## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n" + rels + "\n")
	}
	b.WriteString("## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\"" + annot + "\n}-->\n```json\n" + js + "\n```\n")
	return b.String()
}

// finding is the part of a diagnostic a case pins down.
type finding struct {
	Line     int
	Severity diag.Severity
	Code     diag.Code
}

// enumsPage defines operationStatus as enums.md does, its table at line 3.
const enumsPage = "# Enum values\n\n### operationStatus values\n\n| Member |\n|:--|\n| NotStarted |\n| Running |\n| Completed |\n"

func TestLint(t *testing.T) {
	other := "# identitySet resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| user | String | u |\n"
	tests := []struct {
		name  string
		src   string
		extra map[string]string // other pages of the folder
		want  []finding
		msg   string // a substring of the first finding's message
	}{
		{
			name: "agreeing page has no findings",
			src:  page("widget resource type", "", "| name | String | n |\n| size | Int32 | s |", "", `, "@odata.type": "microsoft.graph.widget"`, `{"name": "String", "size": 1024}`),
		},
		{
			name: "accesspackageassignmentpolicy.md: table property absent from JSON, JSON key absent from table",
			src:  page("widget resource type", "", "| name | String | n |\n| createdBy | String | c |", "", "", `{"name": "String", "isDenyPolicy": true}`),
			want: []finding{{10, diag.Warning, diag.CodeTableJSONMissing}, {17, diag.Warning, diag.CodeJSONTableMissing}},
			msg:  `property "createdBy" is in the table but not in the JSON representation`,
		},
		{
			name: "driveitem.md: relationships left out of the JSON are not reported, @odata.type key skipped",
			src:  page("widget resource type", "", "| name | String | n |", "| children | [widget](widget.md) collection | c |", "", `{"@odata.type": "#microsoft.graph.widget", "name": "String"}`),
		},
		{
			name: "device.md: Name in the table, name in the JSON",
			src:  page("widget resource type", "", "| Name | String | n |", "", "", `{"name": "String"}`),
			want: []finding{{9, diag.Warning, diag.CodeNameCase}},
			msg:  `property "Name" is spelled "name"`,
		},
		{
			name: "authorizationpolicy.md: collection in the table, string placeholder",
			src:  page("widget resource type", "", "| tags | String collection | t |", "", "", `{"tags": "[String]"}`),
			want: []finding{{16, diag.Warning, diag.CodeTypeMismatch}},
			msg:  `want an array`,
		},
		{
			name: "recordinginfo.md: description and JSON enum lists disagree",
			src:  page("widget resource type", "", "| status | String | Possible values are: `a`, `b`, `c`. |", "", "", `{"status": "a | b | d"}`),
			want: []finding{{9, diag.Warning, diag.CodeEnumDisagree}},
			msg:  `only the description lists ["c"]`,
		},
		{
			name: "participantinfo.md: lists differ only by unknownFutureValue, a note",
			src:  page("widget resource type", "", "| status | String | Possible values are: `a`, `b`, `unknownFutureValue`. |", "", "", `{"status": "a | b"}`),
			want: []finding{{9, diag.Info, diag.CodeEnumFutureValue}},
			msg:  `differ only by "unknownFutureValue"`,
		},
		{
			name: "attendanceRecord.md: a type wrapped around the JSON list is not a member",
			src:  page("widget resource type", "", "| role | String | Possible values are `None`, `Attendee`. |", "", "", `{"role": "String(None|Attendee)"}`),
		},
		{
			name:  "schedule.md: description list spelled differently from the enum table",
			src:   page("widget resource type", "", "| status | [operationStatus](enums.md#operationstatus-values) | Possible values are: `notStarted`, `Running`. |", "", "", `{"status": "String"}`),
			extra: map[string]string{"enums.md": enumsPage},
			want:  []finding{{9, diag.Warning, diag.CodeEnumDisagree}},
			msg:   `"notStarted" (table: "NotStarted")`,
		},
		{
			name:  "mailtips.md: description lists a member the enum table lacks",
			src:   page("widget resource type", "", "| status | operationStatus | Possible values are: `NotStarted`, `externalNonParther`. |", "", "", `{"status": "String"}`),
			extra: map[string]string{"enums.md": enumsPage},
			want:  []finding{{9, diag.Warning, diag.CodeEnumDisagree}},
			msg:   `list ["externalNonParther"], which the operationStatus enum table (enums.md:3) does not define`,
		},
		{
			name:  "a description listing a subset of the table, in another order, agrees",
			src:   page("widget resource type", "", "| status | operationStatus | Possible values are: `Running`, `NotStarted`. |", "", "", `{"status": "String"}`),
			extra: map[string]string{"enums.md": enumsPage},
		},
		{
			name:  "relyingpartydetailedsummary.md: only unknownFutureValue is missing from the table, a note",
			src:   page("widget resource type", "", "| status | operationStatus | Possible values are: `Running`, `unknownFutureValue`. |", "", "", `{"status": "String"}`),
			extra: map[string]string{"enums.md": enumsPage},
			want:  []finding{{9, diag.Info, diag.CodeEnumFutureValue}},
		},
		{
			name:  "modality: defined twice, the table the description agrees with decides",
			src:   page("widget resource type", "", "| status | operationStatus | Possible values are: `Running`, `Paused`. |", "", "", `{"status": "String"}`),
			extra: map[string]string{"enums.md": enumsPage, "enums-other.md": "### operationStatus values\n\n| Member |\n|:--|\n| Running |\n| Paused |\n"},
		},
		{
			name: "optionalProperties naming a property no table lists",
			src:  page("widget resource type", "", "| name | String | n |", "", `, "optionalProperties": ["name", "owner"]`, `{"name": "String"}`),
			want: []finding{{12, diag.Warning, diag.CodeOptionalUnknown}},
			msg:  `optionalProperties names "owner"`,
		},
		{
			name:  "drive.md: link to driveItem.md when the file is driveitem.md; a missing target is resolution's to report",
			src:   page("widget resource type", "", "| a | [identitySet](identityset.md) | a |\n| b | [identitySet](IdentitySet.md) | b |\n| c | [gone](../resources/gone.md) | c |\n| d | [x](#x-values) | d |", "", "", `{"a": {}, "b": {}, "c": {}, "d": "String"}`),
			extra: map[string]string{"identityset.md": other},
			want:  []finding{{10, diag.Warning, diag.CodeLinkCase}},
			msg:   `link to "IdentitySet.md" matches the page "identityset.md" only ignoring case`,
		},
		{
			name: "sharepointsiteusagedetail.md: duplicate JSON key; the duplicate row is resolution's to report",
			src: page("widget resource type", "", "| name | String | n |\n| name | String | n |", "", "", `{"name": "String",
"name": "String"}`),
			want: []finding{{18, diag.Warning, diag.CodeDuplicateProperty}},
			msg:  `JSON key "name" appears again`,
		},
		{
			name: "dynamics-vendor.md: H1 vendors vs @odata.type vendor; case alone is fine",
			src:  page("vendors resource type", "", "| name | String | n |", "", `, "@odata.type": "microsoft.graph.vendor"`, `{"name": "String"}`),
			want: []finding{{1, diag.Warning, diag.CodeTitleMismatch}},
			msg:  `title "vendors resource type" starts with "vendors" but @odata.type is "microsoft.graph.vendor"`,
		},
		{
			name:  "orgcontact.md: baseType entity, Inherits from directoryObject",
			src:   page("orgContact resource type", "Inherits from [directoryObject](directoryobject.md).", "| name | String | n |", "", `, "@odata.type": "microsoft.graph.orgContact", "baseType": "microsoft.graph.entity"`, `{"name": "String"}`),
			extra: map[string]string{"directoryobject.md": strings.Replace(other, "identitySet", "directoryObject", 1)},
			want:  []finding{{12, diag.Warning, diag.CodeBaseConflict}},
			msg:   `annotation baseType "microsoft.graph.entity" disagrees`,
		},
		{
			name:  "conditionalaccesssessioncontrols.md: phrase link text agrees through the target page",
			src:   page("widget resource type", "Inherits from [Some Phrase](base.md).", "| name | String | n |", "", `, "baseType": "microsoft.graph.baseWidget"`, `{"name": "String"}`),
			extra: map[string]string{"base.md": strings.Replace(other, "identitySet", "baseWidget", 1)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := reader.Read("spec/widget.md", []byte(tt.src))
			pages := []*reader.Page{p}
			for name, src := range tt.extra {
				q, _ := reader.Read("spec/"+name, []byte(src))
				pages = append(pages, q)
			}
			l := Lint(pages)
			var got []finding
			for _, d := range l {
				if d.Pos.File == "spec/widget.md" {
					got = append(got, finding{d.Pos.Line, d.Severity, d.Code})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%s", diff, l.Error())
			}
			if tt.msg != "" && (len(l) == 0 || !strings.Contains(l[0].Message, tt.msg)) {
				t.Errorf("first message = %q, want it to contain %q", l.Error(), tt.msg)
			}
		})
	}
}

func TestSuppressions(t *testing.T) {
	l := diag.List{
		{Pos: diag.Pos{File: "spec/beta/user.md", Line: 10, Col: 3}, Severity: diag.Warning, Code: diag.CodeNameCase, Message: "a"},
		{Pos: diag.Pos{File: "spec/beta/user.md", Line: 20, Col: 3}, Severity: diag.Warning, Code: diag.CodeNameCase, Message: "b"},
		{Pos: diag.Pos{File: "spec/beta/device.md", Line: 5, Col: 1}, Severity: diag.Warning, Code: diag.CodeBrokenLink, Message: "c"},
	}
	src := "# comment\n\nname-case user.md:10 spelled so on the live service\nbroken-link spec/beta/device.md fixed upstream soon\nlink-case other.md:3 never matches\n"
	sups, errs := ParseSuppressions("lint.supp", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := Apply(l, sups)
	want := []string{
		"lint.supp:5:1: warning: suppression of \"link-case\" at \"other.md:3\" matches no finding: want it removed or corrected [unused-suppression]",
		"spec/beta/user.md:20:3: warning: b [name-case]",
	}
	if diff := cmp.Diff(want, strings.Split(got.Error(), "\n")); diff != "" {
		t.Errorf("Apply (-want +got):\n%s", diff)
	}
}

func TestParseSuppressionsRejectsBadLines(t *testing.T) {
	src := "name-case user.md\nno-such-code user.md why\nname-case user.md:x why\nname-case user.md:0 why\n"
	_, errs := ParseSuppressions("lint.supp", []byte(src))
	var got []string
	for _, d := range errs {
		got = append(got, d.Pos.String())
	}
	want := []string{"lint.supp:1:1", "lint.supp:2:1", "lint.supp:3:1", "lint.supp:4:1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("error positions (-want +got):\n%s\n%s", diff, errs.Error())
	}
}
