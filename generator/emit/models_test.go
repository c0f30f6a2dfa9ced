package emit_test

import (
	"testing"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
)

// The models below are built by hand, as resolution would build them from
// pages, so that the emitter is tested without the stages before it.

func prim(p model.Primitive) model.TypeRef {
	return model.TypeRef{Kind: model.KindPrimitive, Primitive: p}
}

func coll(t model.TypeRef) model.TypeRef { t.Collection = true; return t }

func enumRef(e *model.Enum) model.TypeRef { return model.TypeRef{Kind: model.KindEnum, Enum: e} }

func structRef(s *model.Struct) model.TypeRef {
	return model.TypeRef{Kind: model.KindStruct, Struct: s}
}

func field(name, jsonName string, t model.TypeRef, doc string) *model.Field {
	return &model.Field{Name: name, JSONName: jsonName, Type: t, Doc: doc, Pos: diag.Pos{File: "page.md", Line: 10}}
}

func enum(name, wire, file string, values ...string) *model.Enum {
	e := &model.Enum{Name: name, WireName: wire, File: file, Doc: "The values of " + wire + ".", Source: diag.Pos{File: "enums.md", Line: 1}}
	for _, v := range values {
		e.Members = append(e.Members, &model.Member{Name: name + upperFirst(v), Value: v, Doc: "The " + v + " value."})
	}
	return e
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func example(t testing.TB, src string) *jsonx.Value {
	t.Helper()
	v, err := jsonx.Parse(jsonx.Repair([]byte(src)))
	if err != nil {
		t.Fatalf("example: %v", err)
	}
	return v
}

// callsPackage is modelled on the seed page, inviteParticipantsOperation,
// and the types it links to, plus types that exercise what the seed does
// not: every primitive, cycles, and open types with derived types.
func callsPackage(t testing.TB) *model.Package {
	endpointType := enum("EndpointType", "endpointType", "enums.go", "default", "voicemail")
	status := enum("OperationStatus", "operationStatus", "enums.go", "notStarted", "running", "completed", "failed")
	modality := enum("Modality", "modality", "modality.go", "audio", "video", "data", "unknownFutureValue")

	entity := &model.Struct{Name: "Entity", WireName: "microsoft.graph.entity", File: "entity.go", Abstract: true, HasODataType: true,
		Doc:    "Represents an entity, the base type of all resources.",
		Fields: []*model.Field{field("ID", "id", prim(model.String), "The unique identifier. Read-only.")}}
	identity := &model.Struct{Name: "Identity", WireName: "microsoft.graph.identity", File: "identity.go", HasODataType: true,
		Doc: "Represents an identity of an actor.",
		Fields: []*model.Field{
			field("DisplayName", "displayName", prim(model.String), "The display name."),
			field("ID", "id", prim(model.String), "Unique identifier for the identity."),
			// A name differing from another only in case is a member of its
			// own, named as resolution names it.
			field("ID2", "ID", prim(model.String), "The identifier again, spelled in capitals."),
		},
		Example: example(t, `{"displayName": "String", "id": "String", "ID": "String"}`)}
	identitySet := &model.Struct{Name: "IdentitySet", WireName: "microsoft.graph.identitySet", File: "identity.go", HasODataType: true, Open: true,
		Doc: "Represents a keyed collection of identity resources.",
		Fields: []*model.Field{
			field("Application", "application", structRef(identity), "The application."),
			field("User", "user", structRef(identity), "The user."),
		},
		Example: example(t, `{"application": {"@odata.type": "microsoft.graph.identity"}, "user": {"@odata.type": "microsoft.graph.identity"}}`)}
	communicationsIdentitySet := &model.Struct{Name: "CommunicationsIdentitySet", WireName: "microsoft.graph.communicationsIdentitySet", File: "identity.go", Base: identitySet,
		Doc: "Represents the identities of a call participant.",
		Fields: []*model.Field{
			field("EndpointType", "endpointType", enumRef(endpointType), "Type of endpoint the participant uses."),
			field("Guest", "guest", structRef(identity), "The guest identity."),
		}}
	resultInfo := &model.Struct{Name: "ResultInfo", WireName: "microsoft.graph.resultInfo", File: "resultinfo.go", HasODataType: true,
		Doc: "This contains success and failure specific result information.",
		Fields: []*model.Field{
			field("Code", "code", prim(model.Int32), "The result code."),
			field("Message", "message", prim(model.String), "The message."),
			field("Subcode", "subcode", prim(model.Int32), "The result sub-code."),
		},
		Example: example(t, `{"code": 1024, "message": "String", "subcode": 1024}`)}
	participant := &model.Struct{Name: "InvitationParticipantInfo", WireName: "microsoft.graph.invitationParticipantInfo", File: "invitationparticipantinfo.go", HasODataType: true,
		Doc: "This resource is used to represent the entity that is being invited to a group call.",
		Fields: []*model.Field{
			field("EndpointType", "endpointType", enumRef(endpointType), "The type of endpoint. Possible values are: default, voicemail."),
			field("Hidden", "hidden", prim(model.Boolean), "Optional. Whether to hide the participant from the roster."),
			field("Identity", "identity", structRef(identitySet), "The identitySet associated with this invitation."),
			field("Modalities", "modalities", coll(enumRef(modality)), "The modalities to invite with."),
			field("ParticipantID", "participantId", prim(model.String), "Optional. The ID of the target participant."),
		},
		Example: example(t, `{"endpointType": "String", "hidden": false, "identity": {"@odata.type": "#microsoft.graph.identitySet"}, "modalities": ["String"], "participantId": "String"}`)}
	operation := &model.Struct{Name: "InviteParticipantsOperation", WireName: "microsoft.graph.inviteParticipantsOperation", File: "inviteparticipantsoperation.go", Base: entity,
		Doc: "Represents the status of a long-running participant invitation operation, triggered by a call to the participant-invite API.",
		Fields: []*model.Field{
			field("ClientContext", "clientContext", prim(model.String), "The client context."),
			field("Participants", "participants", coll(structRef(participant)), "The participants to invite."),
			field("ResultInfo", "resultInfo", structRef(resultInfo), "The result information. Read-only."),
			field("Status", "status", enumRef(status), "Possible values are: `notStarted`, `running`, `completed`, `failed`. Read-only."),
		},
		Example: example(t, `{
  "clientContext": "String",
  "id": "String (identifier)",
  "participants": [{"@odata.type": "#microsoft.graph.invitationParticipantInfo"}],
  "resultInfo": {"@odata.type": "#microsoft.graph.resultInfo"},
  "status": "notStarted | running | completed | failed"
}`)}
	allTypes := &model.Struct{Name: "AllTypes", WireName: "microsoft.graph.allTypes", File: "alltypes.go",
		Doc: "A type with a field of every primitive, single and in a collection.",
		Fields: []*model.Field{
			field("Fallback", "fallback", model.TypeRef{Kind: model.KindRaw}, ""),
			field("Fallbacks", "fallbacks", coll(model.TypeRef{Kind: model.KindRaw}), ""),
		}}
	for _, p := range []model.Primitive{model.String, model.Boolean, model.Byte, model.Int16, model.Int32, model.Int64,
		model.Single, model.Double, model.Decimal, model.Guid, model.DateTimeOffset, model.Date, model.TimeOfDay,
		model.Duration, model.Binary, model.Stream, model.JSON} {
		name := string(p)
		allTypes.Fields = append(allTypes.Fields,
			field(name+"Value", "a"+name, prim(p), ""),
			field(name+"Values", "many"+name, coll(prim(p)), ""))
	}
	node := &model.Struct{Name: "Node", WireName: "microsoft.graph.node", File: "node.go",
		Doc: "A tree node, which refers to its own type."}
	node.Fields = []*model.Field{
		field("Name", "name", prim(model.String), ""),
		field("Parent", "parent", structRef(node), "The parent node."),
		field("Children", "children", coll(structRef(node)), "The child nodes."),
		field("Peer", "peer", structRef(operation), "A type that refers back to nodes through no field: only the depth guard stops this."),
	}
	node.Fields[3].Relationship = true
	openChild := &model.Struct{Name: "OpenGrandChild", WireName: "microsoft.graph.openGrandChild", File: "identity.go", Base: communicationsIdentitySet, Open: true,
		Fields: []*model.Field{field("Modality", "modality", enumRef(modality), "")}}
	return &model.Package{
		Name:    "calls",
		Structs: []*model.Struct{allTypes, communicationsIdentitySet, entity, identity, identitySet, participant, operation, node, openChild, resultInfo},
		Enums:   []*model.Enum{endpointType, modality, status},
	}
}

// strictPackage is a small package generated with strict enums.
func strictPackage() *model.Package {
	color := enum("Color", "color", "paint.go", "red", "green")
	empty := enum("Nothing", "nothing", "paint.go")
	paint := &model.Struct{Name: "Paint", WireName: "microsoft.graph.paint", File: "paint.go",
		Fields: []*model.Field{
			field("Color", "color", enumRef(color), "The main color."),
			field("Accents", "accents", coll(enumRef(color)), "Colors used sparingly."),
			field("Nothing", "nothing", enumRef(empty), "An enum with no members."),
		}}
	// Palette holds paints, so that strict decoding errors have a path.
	palette := &model.Struct{Name: "Palette", WireName: "microsoft.graph.palette", File: "palette.go",
		Fields: []*model.Field{
			field("Main", "main", structRef(paint), "The main paint."),
			field("Paints", "paints", coll(structRef(paint)), "Every paint."),
		}}
	return &model.Package{Name: "paint", StrictEnums: true, Structs: []*model.Struct{paint, palette}, Enums: []*model.Enum{color, empty}}
}
