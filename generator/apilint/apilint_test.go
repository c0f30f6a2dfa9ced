package apilint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/examples"
	"github.com/graphgen/graphgen/generator/model"
)

// testModel is shaped like the v1.0 pages behind the real findings:
// directoryAudit with its targetResource collection (directoryaudit.md),
// presence with its collection enums (presence.md), a base type and a
// derived one (namedlocation.md, ipnamedlocation.md), an open type
// (openTypeExtension), and one field of each Edm type that JSON writes as a
// string.
func testModel() *model.Package {
	status := &model.Enum{WireName: "microsoft.graph.accessReviewInstance.status", Members: []*model.Member{{Value: "NotStarted"}, {Value: "Completed"}}}
	flags := &model.Enum{WireName: "microsoft.graph.permissions", Members: []*model.Member{{Value: "read"}, {Value: "write"}}}
	prim := func(name string, p model.Primitive, coll bool) *model.Field {
		return &model.Field{JSONName: name, Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: p, Collection: coll}}
	}
	target := &model.Struct{WireName: "microsoft.graph.targetResource", Source: diag.Pos{File: "resources/targetresource.md"}, Fields: []*model.Field{prim("type", model.String, false), prim("id", model.String, false)}}
	entity := &model.Struct{WireName: "microsoft.graph.entity", Source: diag.Pos{File: "resources/entity.md"}, Fields: []*model.Field{prim("id", model.String, false)}}
	audit := &model.Struct{WireName: "microsoft.graph.directoryAudit", Base: entity, Source: diag.Pos{File: "resources/directoryaudit.md"}, Fields: []*model.Field{
		prim("activityDateTime", model.DateTimeOffset, false),
		prim("tenantId", model.Guid, false),
		{JSONName: "targetResources", Type: model.TypeRef{Kind: model.KindStruct, Struct: target, Collection: true}},
		{JSONName: "status", Type: model.TypeRef{Kind: model.KindEnum, Enum: status}},
		{JSONName: "permissions", Type: model.TypeRef{Kind: model.KindEnum, Enum: flags}},
		{JSONName: "states", Type: model.TypeRef{Kind: model.KindEnum, Enum: status, Collection: true}},
		{JSONName: "initiatedBy", Type: model.TypeRef{Kind: model.KindStruct, Struct: target}},
		{JSONName: "raw", Type: model.TypeRef{Kind: model.KindRaw}},
		prim("count", model.Int32, false),
		prim("ratio", model.Double, false),
		prim("enabled", model.Boolean, false),
		prim("birthday", model.Date, false),
		prim("startTime", model.TimeOfDay, false),
		prim("duration", model.Duration, false),
		prim("thumbprint", model.Binary, false),
		prim("tags", model.String, true),
	}}
	derived := &model.Struct{WireName: "microsoft.graph.ipAudit", Base: audit, Source: diag.Pos{File: "resources/ipaudit.md"}, Fields: []*model.Field{prim("ipRanges", model.String, true)}}
	open := &model.Struct{WireName: "microsoft.graph.openTypeExtension", Open: true, Source: diag.Pos{File: "resources/opentypeextension.md"}, Fields: []*model.Field{prim("extensionName", model.String, false)}}
	return &model.Package{Structs: []*model.Struct{audit, derived, entity, open, target}, Enums: []*model.Enum{flags, status}}
}

// page writes a method page with one response example of the given
// annotation and body.
func page(annotation, body string) string {
	return "# Get thing\n\n<!-- " + annotation + " -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + body + "\n```\n"
}

const audit = `{"blockType": "response", "@odata.type": "microsoft.graph.directoryAudit"}`

// check reads src with the example reader and returns the findings of
// both, as "line:col code message" lines, the position followed by the
// text it points at, so that a reader of the cases sees that it is the
// key or the value the finding concerns.
func check(t *testing.T, src string) []string {
	t.Helper()
	exs, read := examples.Read("p.md", []byte(src))
	lines := strings.Split(src, "\n")
	var got []string
	for _, d := range append(read, New(testModel()).Check(exs)...) {
		at := ""
		if d.Pos.Line > 0 && d.Pos.Line <= len(lines) && d.Pos.Col > 0 && d.Pos.Col <= len(lines[d.Pos.Line-1]) {
			at = lines[d.Pos.Line-1][d.Pos.Col-1:]
			at = at[:min(len(at), 12)]
		}
		got = append(got, fmt.Sprintf("%d:%d %s %s %s", d.Pos.Line, d.Pos.Col, at, d.Code, d.Message))
	}
	return got
}

// TestCheck pins each code on the shape of the real finding that
// motivated it, cited in the case name.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{{
		name: "a body that fits its type, with inherited and instance-annotation members, has no finding",
		src: page(audit, `{"@odata.context": "x", "id": "1", "tenantId": "d3b2f1a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "activityDateTime": "2021-07-01T12:00:00.0000000Z",
"targetResources": [{"type": "User", "id": "2", "id@odata.type": "#String"}], "status": "Completed", "permissions": "read,write", "states": ["NotStarted"],
"raw": {"any": [1]}, "count": 3, "ratio": "NaN", "enabled": false, "birthday": "1974-07-22", "startTime": "08:30:00", "duration": "P1DT2H",
"thumbprint": "aGVsbG8", "tags": ["a"], "initiatedBy": null}`),
	}, {
		name: "directoryaudit-list.md: targetResources[].Type for type",
		src:  page(audit, `{"targetResources": [{"Type": "User"}]}`),
		want: []string{`8:23 "Type": "Use api-member-case member "targetResources[0].Type" differs only in case from property "type" of microsoft.graph.targetResource: want "type"`},
	}, {
		name: "signin-get.md: a member no page declares, even with a case-folded look",
		src:  page(audit, `{"appliedConditionalAccessPolicies": []}`),
		want: []string{`8:2 "appliedCond api-undeclared-member member "appliedConditionalAccessPolicies" is not a property of microsoft.graph.directoryAudit (directoryaudit.md) or of its base types: want a property the resource pages declare, or a row for it on directoryaudit.md`},
	}, {
		name: "ipnamedlocation: the members of the derived type @odata.type names are declared",
		src:  page(audit, `{"@odata.type": "#microsoft.graph.ipAudit", "ipRanges": ["1/22"]}`),
	}, {
		name: "without @odata.type, a derived type's member is undeclared",
		src:  page(audit, `{"ipRanges": ["1/22"]}`),
		want: []string{`8:2 "ipRanges":  api-undeclared-member member "ipRanges" is not a property of microsoft.graph.directoryAudit (directoryaudit.md) or of its base types: want a property the resource pages declare, or a row for it on directoryaudit.md`},
	}, {
		name: "opentypeextension-get.md: an open type takes any member",
		src:  page(`{"blockType": "response", "@odata.type": "microsoft.graph.openTypeExtension"}`, `{"extensionName": "x", "companyName": "Wingtip"}`),
	}, {
		name: "presence-get.md: a single value where the page declares a collection",
		src:  page(audit, `{"states": "Completed"}`),
		want: []string{`8:12 "Completed"} api-collection member "states" is a single string, but the pages declare Collection(microsoft.graph.accessReviewInstance.status): want a JSON array`},
	}, {
		name: "an array where the page declares a single value, its objects still checked",
		src:  page(audit, `{"initiatedBy": [{"typ": "x"}]}`),
		want: []string{
			`8:17 [{"typ": "x" api-collection member "initiatedBy" is an array, but the pages declare a single microsoft.graph.targetResource: want one value, not a JSON array`,
			`8:19 "typ": "x"}] api-undeclared-member member "initiatedBy[0].typ" is not a property of microsoft.graph.targetResource (targetresource.md, which names no base type): want a property the resource pages declare, or a row for it on targetresource.md`,
		},
	}, {
		name: "accessreviewinstance-list.md: an enum value no page lists, and one in another case",
		src:  page(audit, `{"status": "Applied", "states": ["completed"]}`),
		want: []string{
			`8:12 "Applied", " api-enum-value member "status": "Applied" is not a value of enum microsoft.graph.accessReviewInstance.status: want one of "NotStarted", "Completed"`,
			`8:34 "completed"] api-enum-value member "states[0]": "completed" is not a value of enum microsoft.graph.accessReviewInstance.status ("Completed" differs only in case): want one of "NotStarted", "Completed"`,
		},
	}, {
		name: "alert-list.md: placeholders where typed values belong, none where a String does",
		src:  page(audit, `{"activityDateTime": "datetime-value", "status": "status-value", "tags": ["String"], "count": "Int32", "initiatedBy": "String"}`),
		want: []string{
			`8:22 "datetime-va api-placeholder member "activityDateTime" holds the doc placeholder "datetime-value" where a value of Edm.DateTimeOffset belongs: want a timestamp such as "2021-07-01T12:00:00Z"`,
			`8:50 "status-valu api-placeholder member "status" holds the doc placeholder "status-value" where a value of microsoft.graph.accessReviewInstance.status belongs: want one of "NotStarted", "Completed"`,
			`8:95 "Int32", "in api-placeholder member "count" holds the doc placeholder "Int32" where a value of Edm.Int32 belongs: want a whole number such as 1`,
			`8:119 "String"} api-placeholder member "initiatedBy" holds the doc placeholder "String" where a value of microsoft.graph.targetResource belongs: want a JSON object`,
		},
	}, {
		name: "contact-get.md, educationuser-update.md, externalconnectors-schema-create.md, message-createreply.md: values that do not fit",
		src: page(audit, `{"activityDateTime": "2020-02-04T07:00:00.0000000", "birthday": "2001-01-01T00:00:00Z", "enabled": "true", "thumbprint": "Adfsdfsdfsdfw==",
"tenantId": "not-a-guid", "count": 2147483648, "ratio": "1.5", "startTime": "25:00", "duration": "1 hour", "id": 7, "initiatedBy": 3}`),
		want: []string{
			`8:22 "2020-02-04T api-json-type member "activityDateTime": "2020-02-04T07:00:00.0000000" is not a valid Edm.DateTimeOffset: want a timestamp with a time zone, such as "2021-07-01T12:00:00Z"`,
			`8:65 "2001-01-01T api-json-type member "birthday": "2001-01-01T00:00:00Z" is not a valid Edm.Date: want a date written YYYY-MM-DD, such as "2021-07-01"`,
			`8:100 "true", "thu api-json-type member "enabled": "true" is not a valid Edm.Boolean: want true or false, unquoted`,
			`8:122 "Adfsdfsdfsd api-json-type member "thumbprint": "Adfsdfsdfsdfw==" is not a valid Edm.Binary: want base64 (standard or URL-safe alphabet)`,
			`9:13 "not-a-guid" api-json-type member "tenantId": "not-a-guid" is not a valid Edm.Guid: want a GUID string such as "d3b2f1a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b"`,
			`9:36 2147483648,  api-json-type member "count": 2147483648 is not a valid Edm.Int32: want a whole number from -2147483648 to 2147483647`,
			`9:57 "1.5", "star api-json-type member "ratio": "1.5" is not a valid Edm.Double: want a JSON number`,
			`9:77 "25:00", "du api-json-type member "startTime": "25:00" is not a valid Edm.TimeOfDay: want a time of day written hh:mm:ss, such as "12:30:00"`,
			`9:98 "1 hour", "i api-json-type member "duration": "1 hour" is not a valid Edm.Duration: want an ISO 8601 duration such as "PT1H30M"`,
			`9:114 7, "initiate api-json-type member "id": 7 is not a valid Edm.String: want a JSON string`,
			`9:132 3} api-json-type member "initiatedBy" is a number, but the pages declare microsoft.graph.targetResource: want a JSON object`,
		},
	}, {
		name: "b2xidentityuserflow-list-userattributeassignments.md: an @odata.type no page declares",
		src:  page(audit, `{"initiatedBy": {"@odata.type": "#Microsoft.Graph.BuiltInUserFlowAttribute"}}`),
		want: []string{`8:33 "#Microsoft. api-unknown-type member "initiatedBy": @odata.type "#Microsoft.Graph.BuiltInUserFlowAttribute" names a type no resource page declares: want microsoft.graph.targetResource or a type derived from it`},
	}, {
		name: "accessreviewinstance-list-decisions.md: an @odata.type outside the property's family, whose members are then its own",
		src:  page(audit, `{"initiatedBy": {"@odata.type": "#microsoft.graph.ipAudit", "ipRanges": ["1/22"], "bogus": 1}}`),
		want: []string{
			`8:33 "#microsoft. api-unrelated-type member "initiatedBy": @odata.type "#microsoft.graph.ipAudit" names a type that is neither microsoft.graph.targetResource nor derived from it: want microsoft.graph.targetResource or a type derived from it`,
			`8:83 "bogus": 1}} api-undeclared-member member "initiatedBy.bogus" is not a property of microsoft.graph.ipAudit (ipaudit.md) or of its base types: want a property the resource pages declare, or a row for it on ipaudit.md`,
		},
	}, {
		name: "an annotation that names no type",
		src:  page(`{"blockType": "response", "@odata.type": "microsoft.graph.thing"}`, `{}`),
		want: []string{`3:47 "microsoft.g api-unknown-type response annotation names type "microsoft.graph.thing", which no resource page declares: want the @odata.type of a resource page, or an Edm primitive`},
	}, {
		name: "a collection response: each element of value, with its path",
		src:  page(`{"blockType": "response", "@odata.type": "microsoft.graph.directoryAudit", "isCollection": true}`, `{"value": [{"id": "1"}, {"Id": "2"}]}`),
		want: []string{`8:26 "Id": "2"}]} api-member-case member "value[1].Id" differs only in case from property "id" of microsoft.graph.entity: want "id"`},
	}, {
		name: "signin-get.md: a collection response the annotation announces as a single value",
		src:  page(audit, `{"value": [{"bogus": 1}]}`),
		want: []string{
			`8:1 {"value": [{ api-collection body is a collection {"value": [...]}, but the annotation announces a single microsoft.graph.directoryAudit: want "isCollection": true in the annotation`,
			`8:13 "bogus": 1}] api-undeclared-member member "value[0].bogus" is not a property of microsoft.graph.directoryAudit (directoryaudit.md) or of its base types: want a property the resource pages declare, or a row for it on directoryaudit.md`,
		},
	}, {
		name: "accessreviewinstance-get.md: one entity wrapped in value, its members still checked",
		src:  page(audit, `{"value": {"id": "1", "bogus": 2}}`),
		want: []string{
			`8:2 "value": {"i api-undeclared-member body wraps the microsoft.graph.directoryAudit in a "value" member, which it does not declare: want its members at the top of the body`,
			`8:23 "bogus": 2}} api-undeclared-member member "value.bogus" is not a property of microsoft.graph.directoryAudit (directoryaudit.md) or of its base types: want a property the resource pages declare, or a row for it on directoryaudit.md`,
		},
	}, {
		name: "isCollection on a single body",
		src:  page(`{"blockType": "response", "@odata.type": "Collection(microsoft.graph.directoryAudit)"}`, `{"id": "1", "count": "x"}`),
		want: []string{
			`8:1 {"id": "1",  api-collection annotation says the body is a collection of microsoft.graph.directoryAudit, but it has no "value" array: want {"value": [...]}, or no isCollection in the annotation`,
			`8:22 "x"} api-json-type member "count": "x" is not a valid Edm.Int32: want a JSON number from -2147483648 to 2147483647`,
		},
	}, {
		name: "a primitive response comes wrapped in value",
		src:  page(`{"blockType": "response", "@odata.type": "Edm.Int32"}`, `{"@odata.context": "x", "value": "12"}`),
		want: []string{`8:34 "12"} api-json-type member "value": "12" is not a valid Edm.Int32: want a JSON number from -2147483648 to 2147483647`},
	}, {
		name: "a request body whose annotation names its type is checked as a response's",
		src:  "<!-- {\"blockType\": \"request\", \"@odata.type\": \"microsoft.graph.directoryAudit\"} -->\n```http\nPATCH https://graph.microsoft.com/v1.0/x\n\n{\"Status\": \"Completed\"}\n```\n",
		want: []string{`5:2 "Status": "C api-member-case member "Status" differs only in case from property "status" of microsoft.graph.directoryAudit: want "status"`},
	}, {
		name: "page-update.md: a body that is not JSON is the reader's finding, and is not checked",
		src:  page(audit, `{'id': 1}`),
		want: []string{`8:2 'id': 1} example-body-json response body is not valid JSON even after repair (unexpected '\'', want a quoted object key): want a JSON body, or a Content-Type header that is not JSON`},
	}, {
		name: "range-row.md: the parameters of an action, typed after the method by the docs' tooling, are not checked",
		src:  "<!-- {\"blockType\": \"request\", \"@type\": \"requestBodyResourceFor.range_row\"} -->\n```http\nPOST https://graph.microsoft.com/v1.0/x\n\n{\"anything\": 1}\n```\n",
	}, {
		name: "a request without a type is not checked",
		src:  "<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nPOST https://graph.microsoft.com/v1.0/x\n\n{\"anything\": 1}\n```\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.src)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s\npage:\n%s", d, numbered(tc.src))
			}
		})
	}
}

// numbered prefixes each line of src with its number, for failures.
func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%3d  %s\n", i+1, l)
	}
	return b.String()
}

// TestSeverities pins the severities: placeholders are notes, as the docs
// write them on purpose; every other finding of a page that reads is a
// warning, which -strict fails on and a suppression file can hold.
func TestSeverities(t *testing.T) {
	for _, c := range diag.Codes() {
		if !strings.HasPrefix(string(c.Code), "api-") {
			continue
		}
		want := diag.Warning
		if c.Code == diag.CodeAPIPlaceholder {
			want = diag.Info
		}
		if c.Severity != want {
			t.Errorf("%s is %s, want %s", c.Code, c.Severity, want)
		}
	}
}
