package reader

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphgen/graphgen/generator/diag"
)

// page builds a resource page: front matter, H1, Namespace line, then body.
func page(body string) string {
	return "---\ntitle: \"x resource type\"\ndoc_type: resourcePageType\n---\n\n# x resource type\n\nNamespace: microsoft.graph\n\n" + body
}

// codes renders diagnostics as "severity code line", the part a test pins.
func codes(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, fmt.Sprintf("%s %s %d", d.Severity, d.Code, d.Pos.Line))
	}
	return out
}

// rowView is the part of a Row the table tests compare.
type rowView struct {
	Name   string
	Type   string
	Desc   string
	Values []string
	Rel    bool
}

func rowViews(rows []Row) []rowView {
	var out []rowView
	for _, r := range rows {
		out = append(out, rowView{r.Name, r.Type.Text, r.Description, r.Values, r.Relationship})
	}
	return out
}

func TestReadRows(t *testing.T) {
	const props = "## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n"
	tests := []struct {
		name  string
		src   string
		props []rowView
		rels  []rowView
		diags []string
	}{
		{
			name: "seed page/inviteparticipantsoperation.md",
			src: page(props +
				"| clientContext | String | The client context. |\n" +
				"| participants | [invitationParticipantInfo](invitationParticipantInfo.md) collection | The participants to invite. |\n" +
				"| status | String | Possible values are: `notStarted`, `running`. Read-only. |\n"),
			props: []rowView{
				{Name: "clientContext", Type: "String", Desc: "The client context."},
				{Name: "participants", Type: "invitationParticipantInfo collection", Desc: "The participants to invite."},
				{Name: "status", Type: "String", Desc: "Possible values are: notStarted, running. Read-only.", Values: []string{"notStarted", "running"}},
			},
		},
		{
			name: "header aliases and no trailing pipes/album.md",
			src: page("## Properties\n\n| Property name | Type | Description\n|:--|:--|:--\n| **albumId** | string | The album.\n" +
				"\n## Relationships\n\n| Relationship name | Type | Description\n|:--|:--|:--\n| **items** | [driveItem][] collection | Items.\n\n[driveItem]: driveitem.md\n"),
			props: []rowView{{Name: "albumId", Type: "string", Desc: "The album."}},
			rels:  []rowView{{Name: "items", Type: "driveItem collection", Desc: "Items.", Rel: true}},
		},
		{
			name:  "Name header/itempreviewinfo.md",
			src:   page("## Properties\n\n| Name | Type | Description |\n|--|--|--|\n| getUrl | string | URL. |\n"),
			props: []rowView{{Name: "getUrl", Type: "string", Desc: "URL."}},
		},
		{
			name:  "no Description column/emailactivitysummary.md",
			src:   page("## Properties\n\n| Property | Type |\n|:--|:--|\n| reportDate | Date |\n"),
			props: []rowView{{Name: "reportDate", Type: "Date"}},
		},
		{
			name:  "extra columns ignored/subscription.md",
			src:   page("## Properties\n\n| Property | Type | Description | Supported resources |\n|--|--|--|--|\n| changeType | String | What changed. | All |\n"),
			props: []rowView{{Name: "changeType", Type: "String", Desc: "What changed."}},
		},
		{
			name: "nbsp padding in the header/intune-shared-devicemanagement.md",
			src:  page("## Relationships\n\n| Relationship | Type | Description&nbsp;&nbsp; |\n|--|--|--|\n| roles | [role](role.md) | Roles. |\n"),
			rels: []rowView{{Name: "roles", Type: "role", Desc: "Roles.", Rel: true}},
		},
		{
			name: "decorated names/audioconferencing.md accessreviewdecision.md channel.md",
			src: page(props +
				"| tollNumber (deprecated) | String | Toll. |\n" +
				"| `accessReviewId` | `String` | Id. |\n" +
				"| [filesFolder](../api/channel-get-filesfolder.md) | [driveItem](driveitem.md) | Folder. |\n" +
				"| \u00a0name\u200b | String | Padded. |\n"),
			props: []rowView{
				{Name: "tollNumber", Type: "String", Desc: "Toll."},
				{Name: "accessReviewId", Type: "String", Desc: "Id."},
				{Name: "filesFolder", Type: "driveItem", Desc: "Folder."},
				{Name: "name", Type: "String", Desc: "Padded."},
			},
		},
		{
			name:  "tab padding/averagecomparativescore.md",
			src:   page(props + "|\tbasis\t|\tString\t|\tScope type.\t|\n"),
			props: []rowView{{Name: "basis", Type: "String", Desc: "Scope type."}},
		},
		{
			name:  "a Type link without its closing parenthesis/invitation.md",
			src:   page(props + "|invitedUserMessageInfo|[invitedUserMessageInfo](invitedusermessageinfo.md|Message options.|\n"),
			props: []rowView{{Name: "invitedUserMessageInfo", Type: "invitedUserMessageInfo", Desc: "Message options."}},
			diags: []string{"warning table-syntax 14"},
		},
		{
			name:  "INCLUDE inside a cell/event.md",
			src:   page(props + "|id|String| Unique identifier. [!INCLUDE [outlook-beta-id](../../includes/outlook-beta-id.md)] Read-only. |\n"),
			props: []rowView{{Name: "id", Type: "String", Desc: "Unique identifier. Read-only."}},
		},
		{
			name: "HTML and entities in descriptions/user.md activitybasedtimeoutpolicy.md",
			src: page(props +
				"|a|String|First.<br><br>Returned by default.<br/>Done &amp; dusted.|\n" +
				"|b|String|Options: <ul><li>one</li><li>two</li></ul>|\n" +
				"|c|String|The format is <languagecode2>-<country/regioncode2>.|\n"),
			props: []rowView{
				{Name: "a", Type: "String", Desc: "First. Returned by default. Done & dusted."},
				{Name: "b", Type: "String", Desc: "Options: one two"},
				{Name: "c", Type: "String", Desc: "The format is <languagecode2>-<country/regioncode2>."},
			},
		},
		{
			name:  "Intune bold group rows are skipped/intune-shared-devicecategory.md",
			src:   page("## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|Key.|\n|**Onboarding**|\n|displayName|String|Name.|\n"),
			props: []rowView{{Name: "id", Type: "String", Desc: "Key."}, {Name: "displayName", Type: "String", Desc: "Name."}},
		},
		{
			name: "a description continued on the next line/intune-deviceconfig-deliveryoptimizationbandwidthabsolute.md",
			src: page("## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n" +
				"|maximumDownloadBandwidth|Int64|Specifies the maximum. Valid values 0 to 4294967295\n" +
				"The value 0 (zero) means dynamic. Possible values are: `a`, `b`.|\n" +
				"|next|String|Next.|\n"),
			props: []rowView{
				{Name: "maximumDownloadBandwidth", Type: "Int64", Desc: "Specifies the maximum. Valid values 0 to 4294967295 The value 0 (zero) means dynamic. Possible values are: a, b.", Values: []string{"a", "b"}},
				{Name: "next", Type: "String", Desc: "Next."},
			},
		},
		{
			name:  "row without a leading pipe/call.md",
			src:   page(props + "|a|String|A.|\nmyParticipantId | String | Read-only. |\n"),
			props: []rowView{{Name: "a", Type: "String", Desc: "A."}, {Name: "myParticipantId", Type: "String", Desc: "Read-only."}},
		},
		{
			name:  "unescaped pipe in prose/intune-deviceconfig-ioscustomconfiguration.md",
			src:   page(props + "|payloadFileName|String|Payload file name (*.mobileconfig | *.xml).|\n"),
			props: []rowView{{Name: "payloadFileName", Type: "String", Desc: "Payload file name (*.mobileconfig | *.xml)."}},
		},
		{
			name:  "pipe inside a code span/externalconnectors-property.md",
			src:   page(props + "|aliases|String|Separated by `|`. Possible values are: `x`, `y`.|\n"),
			props: []rowView{{Name: "aliases", Type: "String", Desc: "Separated by |. Possible values are: x, y.", Values: []string{"x", "y"}}},
		},
		{
			name:  "escaped pipe/invitation.md",
			src:   page(props + "|a|String|Either a \\| b.|\n"),
			props: []rowView{{Name: "a", Type: "String", Desc: "Either a | b."}},
		},
		{
			name:  "reference-style and shortcut links/driveitem.md educationclass.md",
			src:   page(props + "| createdBy | [identitySet][] | Creator. |\n| term | [educationTerm] | Term. |\n\n[identitySet]: identityset.md\n[educationTerm]: educationterm.md\n"),
			props: []rowView{{Name: "createdBy", Type: "identitySet", Desc: "Creator."}, {Name: "term", Type: "educationTerm", Desc: "Term."}},
		},
		{
			name:  "commented-out rows never count/agreementfile.md",
			src:   page(props + "|id|String|Id.|\n<!--\n|hidden|String|Gone.|\n-->\n\n<!--\n## Relationships\n| Relationship | Type | Description |\n|:--|:--|:--|\n|files|[x](x.md)|Hidden.|\n-->\n"),
			props: []rowView{{Name: "id", Type: "String", Desc: "Id."}},
		},
		{
			name:  "unclosed comment at the end of the file/message.md",
			src:   page(props + "|id|String|Id.|\n\n<!--\n## Relationships\n| Relationship | Type | Description |\n|:--|:--|:--|\n|x|[x](x.md)|Hidden.|\n"),
			props: []rowView{{Name: "id", Type: "String", Desc: "Id."}},
			diags: []string{"warning unclosed-comment 16"},
		},
		{
			name:  "H3 groups of the same type are kept/tiindicator.md",
			src:   page(props + "|action|String|Action.|\n\n### Indicator observables - email\n\n| Property | Type | Description |\n|:--|:--|:--|\n|emailSender|String|Sender.|\n"),
			props: []rowView{{Name: "action", Type: "String", Desc: "Action."}, {Name: "emailSender", Type: "String", Desc: "Sender."}},
		},
		{
			name: "H3 tables about other objects are skipped/tokenlifetimepolicy.md channel.md claimsmappingpolicy.md",
			src: page(props + "|definition|String collection|JSON.|\n\n### Properties of a token lifetime policy definition\n\n| Property | Type | Description |\n|:--|:--|:--|\n|Version|Integer|One.|\n" +
				"\n### Instance attributes\n\n| Property name | Type | Description |\n|:--|:--|:--|\n|@microsoft.graph.channelCreationMode|string|Mode.|\n" +
				"\n#### Example: **definition** that uses a claims transformation\n\n| Property | Type | Description |\n|:--|:--|:--|\n|Source|String|S.|\n"),
			props: []rowView{{Name: "definition", Type: "String collection", Desc: "JSON."}},
		},
		{
			name:  "every table directly under Properties counts/list.md accessreviewdecision.md",
			src:   page(props + "|displayName|string|Title.|\n\nThe following properties are inherited from **[baseItem][]**.\n\n| Property name | Type | Description\n|:--|:--|:--\n| **id** | string | Id.\n\n[baseItem]: baseitem.md\n"),
			props: []rowView{{Name: "displayName", Type: "string", Desc: "Title."}, {Name: "id", Type: "string", Desc: "Id."}},
		},
		{
			name:  "a second Properties section is ignored/personwebsite.md",
			src:   page(props + "|categories|String collection|Categories.|\n\n" + props + "|categories|String collection|Again.|\n"),
			props: []rowView{{Name: "categories", Type: "String collection", Desc: "Categories."}},
			diags: []string{"warning duplicate-section 18"},
		},
		{
			name:  "a repeated Properties heading before the table/onenoteentityhierarchymodel.md",
			src:   page("## Properties\n" + props + "|displayName|String|Name.|\n"),
			props: []rowView{{Name: "displayName", Type: "String", Desc: "Name."}},
		},
		{
			name:  "H3 Properties without an H2/settingvalue.md",
			src:   page("### Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n|name|String|Name.|\n"),
			props: []rowView{{Name: "name", Type: "String", Desc: "Name."}},
		},
		{
			name:  "table under the H1 on a page with no Properties heading/averagecomparativescore.md",
			src:   page("|Property |Type |Description |\n|:--|:--|:--|\n|basis|String|Basis.|\n\n## JSON representation\n"),
			props: []rowView{{Name: "basis", Type: "String", Desc: "Basis."}},
		},
		{
			name:  "table under another H2/operationerror.md",
			src:   page("## operationError Properties\n| Property\t   | Type\t|Description|\n|:--|:--|:--|\n|code|String|Code.|\n"),
			props: []rowView{{Name: "code", Type: "String", Desc: "Code."}},
		},
		{
			name: "no fallback table on a conceptual page/ediscovery-ediscoveryapioverview.md",
			src:  "---\ndoc_type: conceptualPageType\n---\n# Use the API\n\n| Name | Type | Use case |\n|:-|:-|:-|\n| Case | [microsoft.graph.ediscovery.case](ediscovery-case.md) | Container. |\n",
		},
		{
			name:  "relationship header under Properties is still a property table/presence.md",
			src:   page("## Properties\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n| activity | String | Activity. |\n"),
			props: []rowView{{Name: "activity", Type: "String", Desc: "Activity."}},
		},
		{
			name:  "a Methods table is not a property table/intune-apps-androidlobapp.md",
			src:   page("## Methods\n|Method|Return Type|Description|\n|:---|:---|:---|\n|[List](x.md)|[x](x.md) collection|List.|\n\n" + props + "|id|String|Key.|\n"),
			props: []rowView{{Name: "id", Type: "String", Desc: "Key."}},
		},
		{
			name:  "a wrong header in Properties is reported/agreementfiledata.md",
			src:   page("## Properties\n| Method | Return Type | Description |\n|:--|:--|:--|\n|data|Binary|Data.|\n"),
			diags: []string{"warning no-type 6", "warning table-header 11"},
		},
		{
			name:  "Relationships that say None/aadusernotificationrecipient.md",
			src:   page(props + "|id|String|Id.|\n\n## Relationships\n\nNone.\n"),
			props: []rowView{{Name: "id", Type: "String", Desc: "Id."}},
		},
		{
			name:  "a row with an empty name is reported",
			src:   page(props + "| | String | Nothing. |\n"),
			diags: []string{"warning table-row 14"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, l := Read("x.md", []byte(tt.src))
			if diff := cmp.Diff(tt.props, rowViews(p.Properties)); diff != "" {
				t.Errorf("Properties mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.rels, rowViews(p.Relationships)); diff != "" {
				t.Errorf("Relationships mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, codes(l)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, l)
			}
		})
	}
}

func TestReadIntro(t *testing.T) {
	type intro struct {
		H1, Namespace, Summary string
		Inherits               *Link
	}
	link := func(text, dest string) *Link { return &Link{Text: text, Dest: dest} }
	tests := []struct {
		name string
		src  string
		want intro
	}{
		{
			name: "INCLUDE and callouts are not the summary/inviteparticipantsoperation.md",
			src:  "# x resource type\n\nNamespace: microsoft.graph\n\n[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]\n\n> [!NOTE]\n> A note.\n\n> **Important:** APIs change.\n\nRepresents an *operation*.\n\n## Properties\n",
			want: intro{H1: "x resource type", Namespace: "microsoft.graph", Summary: "Represents an operation."},
		},
		{
			name: "Namespace and summary in one paragraph/appidentity.md",
			src:  "# appIdentity resource type\n\nNamespace: microsoft.graph\nIndicates the identity of the application.\n\n## Properties\n",
			want: intro{H1: "appIdentity resource type", Namespace: "microsoft.graph", Summary: "Indicates the identity of the application."},
		},
		{
			name: "no summary before the first H2/command.md",
			src:  "# command resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\nNone\n\nLater prose.\n",
			want: intro{H1: "command resource type", Namespace: "microsoft.graph"},
		},
		{
			name: "Inherits sentence on its own line/intune-apps-androidlobapp.md",
			src:  "# androidLobApp resource type\n\nNamespace: microsoft.graph\n\nContains properties for Android apps.\n\n\nInherits from [mobileLobApp](../resources/intune-apps-mobilelobapp.md)\n\n## Methods\n",
			want: intro{H1: "androidLobApp resource type", Namespace: "microsoft.graph", Summary: "Contains properties for Android apps.", Inherits: link("mobileLobApp", "../resources/intune-apps-mobilelobapp.md")},
		},
		{
			name: "Inherits sentence inside the summary/user.md",
			src:  "# user resource type\n\nRepresents a user. Inherits from [directoryObject](directoryobject.md).\n",
			want: intro{H1: "user resource type", Summary: "Represents a user. Inherits from directoryObject.", Inherits: link("directoryObject", "directoryobject.md")},
		},
		{
			name: "Inherits from the X type across a line break/callrecords-clientuseragent.md",
			src:  "# clientUserAgent resource type\n\nRepresents a client user agent. Inherits from\nthe [userAgent](callrecords-useragent.md) type.\n",
			want: intro{H1: "clientUserAgent resource type", Summary: "Represents a client user agent. Inherits from the userAgent type.", Inherits: link("userAgent", "callrecords-useragent.md")},
		},
		{
			name: "derived from/b2xidentityuserflow.md",
			src:  "# t resource type\n\nA flow derived from [identityUserFlow](../resources/identityuserflow.md).\n",
			want: intro{H1: "t resource type", Summary: "A flow derived from identityUserFlow.", Inherits: link("identityUserFlow", "../resources/identityuserflow.md")},
		},
		{
			name: "is a subtype of/educationpointsoutcome.md",
			src:  "# t resource type\n\nThis is a subtype of [educationOutcome](educationoutcome.md).\n",
			want: intro{H1: "t resource type", Summary: "This is a subtype of educationOutcome.", Inherits: link("educationOutcome", "educationoutcome.md")},
		},
		{
			name: "a link not after an inheritance phrase/cloudpcmanagementassignmenttarget.md",
			src:  "# t resource type\n\nThe [group](g.md) resource inherits from this base type.\n",
			want: intro{H1: "t resource type", Summary: "The group resource inherits from this base type."},
		},
		{
			name: "inheritance after the first H2 does not count",
			src:  "# t resource type\n\n## Remarks\n\nInherits from [entity](entity.md).\n",
			want: intro{H1: "t resource type"},
		},
		{
			name: "a second H1 starts nothing/rangesort.md",
			src:  "# first\n\nSummary.\n\n# second\n\nOther.\n",
			want: intro{H1: "first", Summary: "Summary."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := Read("x.md", []byte(tt.src))
			got := intro{p.H1, p.Namespace, p.Summary, p.Inherits}
			if got.Inherits != nil {
				l := *got.Inherits
				l.Pos = diag.Pos{}
				got.Inherits = &l
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("intro mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadFrontMatter(t *testing.T) {
	tests := []struct {
		name                        string
		src                         string
		title, description, docType string
		h1Line                      int
		diags                       []string
	}{
		{
			name:  "quoted values and a trailing space after the fence/inviteparticipantsoperation.md",
			src:   "--- \ntitle: \"inviteParticipantsOperation resource type\"\ndescription: \"Represents the status.\"\nauthor: \"ananmishr\"\ndoc_type: resourcePageType\n---\n\n# inviteParticipantsOperation resource type\n",
			title: "inviteParticipantsOperation resource type", description: "Represents the status.", docType: "resourcePageType", h1Line: 8,
		},
		{
			name:  "doc_type quoted or misspelled is kept as written/intune conceptual pages",
			src:   "---\ntitle: t\ndoc_type: 'resourcePageType_'\n---\n# t\n",
			title: "t", docType: "resourcePageType_", h1Line: 5,
		},
		{
			name:   "invalid YAML is a warning at its line",
			src:    "---\ntitle: \"t\"\ndescription: \"unterminated\n---\n# t\n",
			h1Line: 5,
			diags:  []string{"warning front-matter 3"},
		},
		{
			name:   "a front matter that is never closed is a warning",
			src:    "---\ntitle: t\n\n# t\n",
			h1Line: 4,
			diags:  []string{"warning front-matter 1"},
		},
		{
			name:   "no front matter",
			src:    "# t\n\n---\n\ntext\n",
			h1Line: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, l := Read("x.md", []byte(tt.src))
			if p.Title != tt.title || p.Description != tt.description || p.DocType != tt.docType {
				t.Errorf("front matter = %q, %q, %q; want %q, %q, %q", p.Title, p.Description, p.DocType, tt.title, tt.description, tt.docType)
			}
			if p.H1Pos.Line != tt.h1Line {
				t.Errorf("H1 on line %d, want %d", p.H1Pos.Line, tt.h1Line)
			}
			if diff := cmp.Diff(tt.diags, codes(l)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, l)
			}
		})
	}
}

func TestReadEnums(t *testing.T) {
	type member struct{ Value, Description string }
	type enum struct {
		Name    string
		Line    int
		Members []member
	}
	view := func(es []EnumTable) []enum {
		var out []enum
		for _, e := range es {
			v := enum{Name: e.Name, Line: e.Pos.Line}
			for _, m := range e.Members {
				v.Members = append(v.Members, member{m.Value, m.Description})
			}
			out = append(out, v)
		}
		return out
	}
	tests := []struct {
		name  string
		src   string
		kind  Kind
		want  []enum
		diags []string
	}{
		{
			name: "X enum type page/intune-apps-androidpermissionactiontype.md",
			src:  "---\ndoc_type: enumPageType\n---\n\n# androidPermissionActionType enum type\n\nNamespace: microsoft.graph\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|prompt|0|Not yet documented|\n|autoGrant|1|Grant.|\n",
			kind: EnumPage,
			want: []enum{{Name: "androidPermissionActionType", Line: 5, Members: []member{{"prompt", "Not yet documented"}, {"autoGrant", "Grant."}}}},
		},
		{
			name: "enums.md values sections",
			src:  "# Enum values\n\nNamespace: microsoft.graph\n\n### educationSynchronizationProfileState values \n\n| Member |\n|:--|\n| `deleting` |\n| **deletionFailed** |\n|  |\n\n### riskLevel values\n\n| Member | Value | Description |\n|:--|:--|:--|\n| low | 0 | Low risk. |\n",
			kind: EnumPage,
			want: []enum{
				{Name: "educationSynchronizationProfileState", Line: 5, Members: []member{{"deleting", ""}, {"deletionFailed", ""}}},
				{Name: "riskLevel", Line: 13, Members: []member{{"low", "Low risk."}}},
			},
			diags: []string{"warning empty-enum-member 11"},
		},
		{
			name: "rows without trailing pipes/enums-callrecords.md",
			src:  "# Enum values\n\nNamespace: microsoft.graph.callRecords\n\n### callType values\n\n| Member\n|:-----\n| unknown\n| groupCall\n",
			kind: EnumPage,
			want: []enum{{Name: "callType", Line: 5, Members: []member{{"unknown", ""}, {"groupCall", ""}}}},
		},
		{
			name: "inline values table in a resource page/calendarpermission.md",
			src:  page("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| role | [calendarRoleType](#calendarroletype-values) | Role. |\n\n### calendarRoleType values\n\n| Value | Description |\n|:--|:--|\n| none | No access. |\n| read | Can read. |\n"),
			kind: Resource,
			want: []enum{{Name: "calendarRoleType", Line: 16, Members: []member{{"none", "No access."}, {"read", "Can read."}}}},
		},
		{
			name: "enumeration and members headings",
			src:  "# t\n\n## color enumeration\n\n| Name | Description |\n|--|--|\n| red | Red. |\n\n#### shape members\n\n| Member |\n|--|\n| circle |\n",
			kind: EnumPage,
			want: []enum{{Name: "color", Line: 3, Members: []member{{"red", "Red."}}}, {Name: "shape", Line: 9, Members: []member{{"circle", ""}}}},
		},
		{
			name: "property values headings are not enums/permission.md",
			src:  "# t\n\n### Roles property values\n\n| Value | Description |\n|:--|:--|\n| read | Read. |\n",
			kind: Overview,
		},
		{
			name: "a values heading followed by a property table is not an enum",
			src:  "# t\n\n### x values\n\n| Name | Type | Description |\n|:--|:--|:--|\n| a | String | A. |\n",
			kind: Resource,
		},
		{
			name:  "a delimiter row with too few cells is reported/printerdefaults.md",
			src:   "# t\n\n### printQuality values\n\n|Member|Value|Description|\n|:---|:---|\n|low|0|Low.|\n",
			kind:  Overview,
			diags: []string{"warning table-syntax 5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, l := Read("x.md", []byte(tt.src))
			if p.Kind != tt.kind {
				t.Errorf("Kind = %v, want %v", p.Kind, tt.kind)
			}
			if diff := cmp.Diff(tt.want, view(p.Enums)); diff != "" {
				t.Errorf("Enums mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, codes(l)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, l)
			}
		})
	}
}

func TestReadKind(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Kind
	}{
		{"property table/user.md", page("## Properties\n| Property | Type | Description |\n|--|--|--|\n| id | String | Id. |\n"), Resource},
		{"empty property table/intune-apps-win32lobappdetection.md", page("## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n"), Resource},
		{"annotation only/plannerassignments.md", page("## Properties\n\nProperties of an Open Type can be defined by the client.\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.plannerAssignments\"} -->\n"), Resource},
		{"enum page/enums.md", "# Enums\n\n### a values\n\n| Member |\n|--|\n| x |\n", EnumPage},
		{"overview/accessreviews-root.md", "# Access reviews API\n\nSome prose.\n", Overview},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := Read("x.md", []byte(tt.src))
			if p.Kind != tt.want {
				t.Errorf("Kind = %v, want %v", p.Kind, tt.want)
			}
		})
	}
}

func TestUnclosedLink(t *testing.T) {
	tests := []struct {
		cell string
		want Link
		ok   bool
	}{
		{"[invitedUserMessageInfo](invitedusermessageinfo.md", Link{Text: "invitedUserMessageInfo", Dest: "invitedusermessageinfo.md"}, true},
		{" [x](../resources/x.md#y-values ", Link{Text: "x", Dest: "../resources/x.md#y-values"}, true},
		{"[x](x.md) collection", Link{}, false},    // a whole link: goldmark's business
		{"[x](https://example.com", Link{}, false}, // not a page
		{"[x](x.md and more", Link{}, false},       // prose after the target
		{"String", Link{}, false},
		{"[](x.md", Link{}, false},
	}
	for _, tt := range tests {
		got, ok := unclosedLink(tt.cell)
		if ok != tt.ok || got != tt.want {
			t.Errorf("unclosedLink(%q) = %+v, %v; want %+v, %v", tt.cell, got, ok, tt.want, tt.ok)
		}
	}
}
