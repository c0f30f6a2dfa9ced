package reader

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen/graphgen/generator/model"
)

func TestParseType(t *testing.T) {
	link := func(text, dest string) Link { return Link{Text: text, Dest: dest} }
	tests := []struct {
		name  string
		cell  TypeCell
		want  TypeExpr
		error string // a substring of the error, "" for none
	}{
		{name: "primitive/inviteparticipantsoperation.md", cell: TypeCell{Text: "String"}, want: TypeExpr{Primitive: model.String}},
		{name: "lower-case primitive/emailactivitysummary.md", cell: TypeCell{Text: "string"}, want: TypeExpr{Primitive: model.String}},
		{name: "Edm prefix/accesspackagecatalog.md", cell: TypeCell{Text: "Edm.String"}, want: TypeExpr{Primitive: model.String}},
		{name: "Edm prefix lower case/edm.DateTime", cell: TypeCell{Text: "edm.DateTime"}, want: TypeExpr{Primitive: model.DateTimeOffset}},
		{name: "bool synonym", cell: TypeCell{Text: "bool"}, want: TypeExpr{Primitive: model.Boolean}},
		{name: "Integer synonym", cell: TypeCell{Text: "Integer"}, want: TypeExpr{Primitive: model.Int32}},
		{name: "int synonym", cell: TypeCell{Text: "int"}, want: TypeExpr{Primitive: model.Int32}},
		{name: "Int64", cell: TypeCell{Text: "Int64"}, want: TypeExpr{Primitive: model.Int64}},
		{name: "Int16", cell: TypeCell{Text: "Int16"}, want: TypeExpr{Primitive: model.Int16}},
		{name: "Byte", cell: TypeCell{Text: "Byte"}, want: TypeExpr{Primitive: model.Byte}},
		{name: "Single", cell: TypeCell{Text: "Single"}, want: TypeExpr{Primitive: model.Single}},
		{name: "double lower case", cell: TypeCell{Text: "double"}, want: TypeExpr{Primitive: model.Double}},
		{name: "numeric is decimal/dynamics-account.md", cell: TypeCell{Text: "numeric"}, want: TypeExpr{Primitive: model.Decimal}},
		{name: "GUID upper case", cell: TypeCell{Text: "GUID"}, want: TypeExpr{Primitive: model.Guid}},
		{name: "DateTimeOffSet typo", cell: TypeCell{Text: "DateTimeOffSet"}, want: TypeExpr{Primitive: model.DateTimeOffset}},
		{name: "dateTimeOffset camel case", cell: TypeCell{Text: "dateTimeOffset"}, want: TypeExpr{Primitive: model.DateTimeOffset}},
		{name: "datetime is DateTimeOffset/dynamics pages", cell: TypeCell{Text: "datetime"}, want: TypeExpr{Primitive: model.DateTimeOffset}},
		{name: "Timestamp is DateTimeOffset", cell: TypeCell{Text: "Timestamp"}, want: TypeExpr{Primitive: model.DateTimeOffset}},
		{name: "Date", cell: TypeCell{Text: "date"}, want: TypeExpr{Primitive: model.Date}},
		{name: "TimeOfDay with Edm", cell: TypeCell{Text: "Edm.TimeOfDay"}, want: TypeExpr{Primitive: model.TimeOfDay}},
		{name: "Duration", cell: TypeCell{Text: "duration"}, want: TypeExpr{Primitive: model.Duration}},
		{name: "Binary", cell: TypeCell{Text: "Edm.Binary"}, want: TypeExpr{Primitive: model.Binary}},
		{name: "Stream/driveItemVersion.md", cell: TypeCell{Text: "Stream"}, want: TypeExpr{Primitive: model.Stream}},
		{name: "Json", cell: TypeCell{Text: "Json"}, want: TypeExpr{Primitive: model.JSON}},
		{name: "JSON object", cell: TypeCell{Text: "JSON object"}, want: TypeExpr{Primitive: model.JSON}},
		{name: "Untyped JSON object", cell: TypeCell{Text: "Untyped JSON object"}, want: TypeExpr{Primitive: model.JSON}},
		{name: "Object is Json", cell: TypeCell{Text: "Object"}, want: TypeExpr{Primitive: model.JSON}},
		{name: "Url is String", cell: TypeCell{Text: "Url"}, want: TypeExpr{Primitive: model.String}},
		{name: "X collection", cell: TypeCell{Text: "String collection"}, want: TypeExpr{Collection: true, Primitive: model.String}},
		{name: "Collection(X)/audioroutinggroup.md", cell: TypeCell{Text: "collection(string)"}, want: TypeExpr{Collection: true, Primitive: model.String}},
		{name: "Collection of X/permission.md", cell: TypeCell{Text: "Collection of String"}, want: TypeExpr{Collection: true, Primitive: model.String}},
		{name: "X collection collection/call.md", cell: TypeCell{Text: "routingPolicy collection collection"}, want: TypeExpr{Collection: true, Name: "routingPolicy"}},
		{name: "backticks/schedulinggroup.md", cell: TypeCell{Text: "`String`"}, want: TypeExpr{Primitive: model.String}},
		{name: "stray bold/intune-esim page", cell: TypeCell{Text: "** String **"}, want: TypeExpr{Primitive: model.String}},
		{name: "parenthesised qualifier/baseitem.md", cell: TypeCell{Text: "string (url)"}, want: TypeExpr{Primitive: model.String}},
		{name: "comma qualifier/dynamics-account.md", cell: TypeCell{Text: "string, maximum size 20"}, want: TypeExpr{Primitive: model.String}},
		{name: "sentence after the type/educationsubmission.md", cell: TypeCell{Text: "educationOutcome collection. Holds grades, feedback and rubrics"}, want: TypeExpr{Collection: true, Name: "educationOutcome"}},
		{
			name: "link/inviteparticipantsoperation.md",
			cell: TypeCell{Text: "invitationParticipantInfo collection", Links: []Link{link("invitationParticipantInfo", "invitationParticipantInfo.md")}},
			want: TypeExpr{Collection: true, Name: "invitationParticipantInfo", Link: &Link{Text: "invitationParticipantInfo", Dest: "invitationParticipantInfo.md"}},
		},
		{
			name: "link inside Collection()/changenotificationcollection.md",
			cell: TypeCell{Text: "collection(changeNotification)", Links: []Link{link("changeNotification", "changenotification.md")}},
			want: TypeExpr{Collection: true, Name: "changeNotification", Link: &Link{Text: "changeNotification", Dest: "changenotification.md"}},
		},
		{
			name: "link then enum/filehash.md",
			cell: TypeCell{Text: "fileHashType enum", Links: []Link{link("fileHashType", "filehashtypeenumtype.md")}},
			want: TypeExpr{Name: "fileHashType", Link: &Link{Text: "fileHashType", Dest: "filehashtypeenumtype.md"}},
		},
		{
			name: "reference link then resource/driveitem.md",
			cell: TypeCell{Text: "itemAnalytics resource", Links: []Link{link("itemAnalytics", "itemanalytics.md")}},
			want: TypeExpr{Name: "itemAnalytics", Link: &Link{Text: "itemAnalytics", Dest: "itemanalytics.md"}},
		},
		{
			name: "primitive inside a link/driveItemVersion.md",
			cell: TypeCell{Text: "DateTimeOffset", Links: []Link{link("DateTimeOffset", "../resources/timestamp.md")}},
			want: TypeExpr{Primitive: model.DateTimeOffset},
		},
		{name: "object suffix/workbookoperationerror.md", cell: TypeCell{Text: "error object"}, want: TypeExpr{Name: "error"}},
		{name: "bare enum name/alert.md", cell: TypeCell{Text: "alertSeverity"}, want: TypeExpr{Name: "alertSeverity"}},
		{name: "bare name collection/conditionalaccessconditionset.md", cell: TypeCell{Text: "riskLevel collection"}, want: TypeExpr{Collection: true, Name: "riskLevel"}},
		{
			name: "qualified name/callrecords-clientuseragent.md",
			cell: TypeCell{Text: "microsoft.graph.callRecords.clientPlatform"},
			want: TypeExpr{Name: "clientPlatform", Namespace: "microsoft.graph.callRecords"},
		},
		{
			name: "qualified Collection()/documentset.md",
			cell: TypeCell{Text: "Collection(microsoft.graph.contentTypeInfo)"},
			want: TypeExpr{Collection: true, Name: "contentTypeInfo", Namespace: "microsoft.graph"},
		},
		{name: "union type/call.md", cell: TypeCell{Text: "appHostedMediaConfig or serviceHostedMediaConfig"}, error: `union type "appHostedMediaConfig or serviceHostedMediaConfig" in column "Type" is not supported: want a single type`},
		{name: "description pasted into the cell/educationresource.md", cell: TypeCell{Text: "Moment in time when the resource was created. DateTimeOffset"}, error: `unknown type "Moment in time when the resource was created. DateTimeOffset" in column "Type": want an Edm primitive, a link to a resource page, or an enum name`},
		{name: "unclosed link/invitation.md", cell: TypeCell{Text: "[invitedUserMessageInfo](invitedusermessageinfo.md"}, error: "unknown type"},
		{name: "unknown Edm primitive", cell: TypeCell{Text: "Edm.Widget"}, error: "unknown type"},
		{name: "unclosed Collection(", cell: TypeCell{Text: "Collection(String"}, error: "unknown type"},
		{name: "empty cell", cell: TypeCell{Text: " \u00a0"}, error: "empty Type cell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseType(tt.cell)
			if tt.error != "" {
				if err == nil || !strings.Contains(err.Error(), tt.error) {
					t.Fatalf("ParseType(%q) error = %v, want one containing %q", tt.cell.Text, err, tt.error)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseType(%q): %v", tt.cell.Text, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseType(%q) mismatch (-want +got):\n%s", tt.cell.Text, diff)
			}
		})
	}
}
