package diag

// Code is the stable name of a kind of finding, for suppression files,
// tools and the README. Every code is declared here, once, with its
// severity: a finding has the same severity whichever command reports it.
type Code string

// The codes, by the stage that reports them.
const (
	// Reading a spec folder and its pages.
	CodeNotAPage         Code = "not-a-page"
	CodeNotRegular       Code = "not-regular"
	CodeLinkNotFollowed  Code = "link-not-followed"
	CodeNameNotUTF8      Code = "name-not-utf8"
	CodeTooLarge         Code = "too-large"
	CodeTooDeep          Code = "too-deep"
	CodeTooComplex       Code = "too-complex"
	CodeInvalidUTF8      Code = "invalid-utf8"
	CodeNoH1             Code = "no-h1"
	CodeNoType           Code = "no-type"
	CodeFrontMatter      Code = "front-matter"
	CodeAnnotationJSON   Code = "annotation-json"
	CodeAnnotationField  Code = "annotation-field"
	CodeAnnotationExtra  Code = "annotation-extra"
	CodeUnclosedComment  Code = "unclosed-comment"
	CodeJSONBlock        Code = "json-block"
	CodeTableHeader      Code = "table-header"
	CodeTableRow         Code = "table-row"
	CodeTableSyntax      Code = "table-syntax"
	CodeDuplicateSection Code = "duplicate-section"

	// Resolving the pages into one model.
	CodeNoTypeName          Code = "no-type-name"
	CodeDuplicateType       Code = "duplicate-type"
	CodeDuplicateProperty   Code = "duplicate-property"
	CodeInstanceAnnotation  Code = "instance-annotation"
	CodeUnknownType         Code = "unknown-type"
	CodeBrokenLink          Code = "broken-link"
	CodeUnknownBaseType     Code = "unknown-base-type"
	CodeInheritanceCycle    Code = "inheritance-cycle"
	CodeDuplicateEnum       Code = "duplicate-enum"
	CodeDuplicateEnumMember Code = "duplicate-enum-member"
	CodeEmptyEnumMember     Code = "empty-enum-member"
	CodeEnumMemberCase      Code = "enum-member-case"

	// The checks emission makes before writing code.
	CodeEmitName     Code = "emit-name"
	CodeEmitFile     Code = "emit-file"
	CodeEmitJSONName Code = "emit-json-name"
	CodeEmitType     Code = "emit-type"
	CodeEmit         Code = "emit"

	// Reading the request and response examples of method pages.
	CodeExampleAnnotationJSON  Code = "example-annotation-json"
	CodeExampleAnnotationField Code = "example-annotation-field"
	CodeExampleNoBlock         Code = "example-no-block"
	CodeExampleUnclosed        Code = "example-unclosed"
	CodeExampleStartLine       Code = "example-start-line"
	CodeExampleHeader          Code = "example-header"
	CodeExampleNoBody          Code = "example-no-body"
	CodeExampleBodyJSON        Code = "example-body-json"

	// Checking the examples of method pages against the resource pages.
	CodeAPIUndeclaredMember Code = "api-undeclared-member"
	CodeAPIMemberCase       Code = "api-member-case"
	CodeAPICollection       Code = "api-collection"
	CodeAPIJSONType         Code = "api-json-type"
	CodeAPIPlaceholder      Code = "api-placeholder"
	CodeAPIEnumValue        Code = "api-enum-value"
	CodeAPIUnknownType      Code = "api-unknown-type"
	CodeAPIUnrelatedType    Code = "api-unrelated-type"

	// Lint: disagreements within and between pages.
	CodeTableJSONMissing  Code = "table-json-missing"
	CodeJSONTableMissing  Code = "json-table-missing"
	CodeNameCase          Code = "name-case"
	CodeTypeMismatch      Code = "type-mismatch"
	CodeEnumDisagree      Code = "enum-disagree"
	CodeEnumFutureValue   Code = "enum-future-value"
	CodeOptionalUnknown   Code = "optional-unknown"
	CodeLinkCase          Code = "link-case"
	CodeTitleMismatch     Code = "title-mismatch"
	CodeBaseConflict      Code = "base-conflict"
	CodeSuppression       Code = "suppression"
	CodeUnusedSuppression Code = "unused-suppression"
)

// CodeInfo documents a code.
type CodeInfo struct {
	Code     Code
	Severity Severity
	Stage    string // reader, resolve, emit, examples, lint or api
	Doc      string // one line
}

// codes is the registry, in the order of the constants.
var codes = []CodeInfo{
	{CodeNotAPage, Info, "reader", "an entry of the spec folder that is not a `*.md` page is not read"},
	{CodeNameNotUTF8, Warning, "reader", "an entry of the spec folder whose name is not valid UTF-8 is not read"},
	{CodeLinkNotFollowed, Error, "reader", "a page at a git revision that is a symbolic link git cannot follow within the revision (out of the repository, to nothing, in a loop)"},
	{CodeNotRegular, Error, "reader", "a page that is neither a regular file nor a link to one (a FIFO, a device, a folder) is refused unopened"},
	{CodeTooLarge, Error, "reader", "a page (a resource or a method page) larger than the 8 MiB limit is refused"},
	{CodeTooDeep, Error, "reader", "a page (a resource or a method page) nested deeper than the Markdown guard allows is refused"},
	{CodeTooComplex, Error, "reader", "a page whose inline structure would cost the Markdown parser more than linear time is refused"},
	{CodeInvalidUTF8, Error, "reader", "a page that is not valid UTF-8 is refused"},
	{CodeNoH1, Warning, "reader", "a page has no H1 heading"},
	{CodeNoType, Warning, "reader", "a page declares no type: no property table and no resource annotation"},
	{CodeFrontMatter, Warning, "reader", "the front matter is not closed or not valid YAML; the page is read without it"},
	{CodeAnnotationJSON, Error, "reader", "the resource annotation is not JSON"},
	{CodeAnnotationField, Warning, "reader", "a member of the resource annotation has the wrong JSON type"},
	{CodeAnnotationExtra, Warning, "reader", "a second resource annotation on a page is ignored"},
	{CodeUnclosedComment, Warning, "reader", "an HTML comment is never closed, which hides the rest of the page"},
	{CodeJSONBlock, Warning, "reader", "the JSON representation is missing, unclosed, or not JSON even after repair"},
	{CodeTableHeader, Warning, "reader", "a table of a property section whose header is not Property | Type | Description is ignored"},
	{CodeTableRow, Warning, "reader", "a table row without a name, or a lone cell that continues no row, is ignored"},
	{CodeTableSyntax, Warning, "reader", "lines that look like a table but are not one, or a Type cell link without its closing parenthesis"},
	{CodeDuplicateSection, Warning, "reader", "the table of a second Properties section is ignored"},

	{CodeNoTypeName, Error, "resolve", "a resource page names no type, in its annotation or its H1"},
	{CodeDuplicateType, Warning, "resolve", "two pages declare one type; their properties are merged"},
	{CodeDuplicateProperty, Warning, "resolve", "a property, or a JSON key of the JSON representation, is listed twice"},
	{CodeInstanceAnnotation, Info, "resolve", "a table row is an instance annotation (@odata.x), not a property"},
	{CodeUnknownType, Warning, "resolve", "a Type cell names no known type; the field keeps the raw JSON"},
	{CodeBrokenLink, Warning, "resolve", "a link in a Type cell names no page of the spec folder"},
	{CodeUnknownBaseType, Warning, "resolve", "the base type a page names is declared by no page"},
	{CodeInheritanceCycle, Error, "resolve", "types inherit from each other in a cycle"},
	{CodeDuplicateEnum, Warning, "resolve", "an enum is defined again with other members"},
	{CodeDuplicateEnumMember, Warning, "resolve", "an enum lists a member twice"},
	{CodeEmptyEnumMember, Warning, "resolve", "an enum has an empty member, which is left out"},
	{CodeEnumMemberCase, Warning, "resolve", "two members of an enum differ only in case"},

	{CodeEmitName, Error, "emit", "an identifier is invalid or declared twice in the generated package"},
	{CodeEmitFile, Error, "emit", "a generated file name the go command would skip or misread"},
	{CodeEmitJSONName, Error, "emit", "a JSON member name encoding/json cannot use, or declared twice"},
	{CodeEmitType, Error, "emit", "a type reference the generated package cannot satisfy"},
	{CodeEmit, Error, "emit", "the generated code could not be rendered (a defect of graphgen: please report it)"},

	{CodeExampleAnnotationJSON, Warning, "examples", "the annotation of an example is not JSON"},
	{CodeExampleAnnotationField, Warning, "examples", "a member of an example's annotation has the wrong JSON type"},
	{CodeExampleNoBlock, Warning, "examples", "an example's annotation is not followed by a code block"},
	{CodeExampleUnclosed, Warning, "examples", "the code fence of an example is never closed"},
	{CodeExampleStartLine, Warning, "examples", "an example does not start with a status line or a request line"},
	{CodeExampleHeader, Warning, "examples", "a header line of an example has no name and colon"},
	{CodeExampleNoBody, Warning, "examples", "a response example that announces a type has no body"},
	{CodeExampleBodyJSON, Warning, "examples", "the JSON body of an example is not JSON even after repair"},

	{CodeAPIUndeclaredMember, Warning, "api", "a member of an example is a property of no page: not of its type, its base types, nor the derived type its @odata.type names"},
	{CodeAPIMemberCase, Warning, "api", "a member of an example differs only in case from the property its type declares"},
	{CodeAPICollection, Warning, "api", "an example has a single value where the pages declare a collection, or the reverse"},
	{CodeAPIJSONType, Warning, "api", "a value of an example does not fit its property's type: a string for a number, an invalid date, GUID, duration or base64"},
	{CodeAPIPlaceholder, Info, "api", "an example holds a doc placeholder (\"datetime-value\", \"String\") where a typed value belongs"},
	{CodeAPIEnumValue, Warning, "api", "an example holds an enum value that the pages do not list"},
	{CodeAPIUnknownType, Warning, "api", "an example's annotation, or an @odata.type in its body, names a type no page declares"},
	{CodeAPIUnrelatedType, Warning, "api", "an @odata.type in an example names a type that is neither the property's type nor derived from it"},

	{CodeTableJSONMissing, Warning, "lint", "a property of the table is missing from the JSON representation"},
	{CodeJSONTableMissing, Warning, "lint", "a member of the JSON representation is missing from the tables"},
	{CodeNameCase, Warning, "resolve", "two properties of a type differ only in case (both are kept), or the JSON representation spells a property in another case"},
	{CodeTypeMismatch, Warning, "lint", "the JSON placeholder of a property contradicts its type (a collection or not, a number or a Boolean)"},
	{CodeEnumDisagree, Warning, "lint", "the values a description lists disagree with the JSON representation or the enum's table"},
	{CodeEnumFutureValue, Info, "lint", "two lists of values differ only by unknownFutureValue"},
	{CodeOptionalUnknown, Warning, "lint", "optionalProperties names no property of the page"},
	{CodeLinkCase, Warning, "lint", "a link matches its page's file name only ignoring case"},
	{CodeTitleMismatch, Warning, "lint", "the H1 does not start with the type that @odata.type names"},
	{CodeBaseConflict, Warning, "lint", "the annotation's baseType disagrees with the \"Inherits from\" link"},
	{CodeSuppression, Error, "lint", "a line of the suppression file is malformed"},
	{CodeUnusedSuppression, Warning, "lint", "a suppression matches no finding"},
}

// Codes returns the registry: every code, in documentation order.
func Codes() []CodeInfo {
	return append([]CodeInfo(nil), codes...)
}

// byCode indexes codes.
var byCode = func() map[Code]CodeInfo {
	m := make(map[Code]CodeInfo, len(codes))
	for _, c := range codes {
		m[c.Code] = c
	}
	return m
}()

// Lookup returns the registry entry of c.
func Lookup(c Code) (CodeInfo, bool) {
	info, ok := byCode[c]
	return info, ok
}

// SeverityOf returns the severity of c. An unregistered code, which the
// registry's test rules out, is an error, so that it cannot pass unseen.
func SeverityOf(c Code) Severity {
	if info, ok := byCode[c]; ok {
		return info.Severity
	}
	return Error
}
