package support

import "encoding/json"

// Collection is the body of an OData collection response, such as that of
// GET /identity/conditionalAccess/namedLocations:
//
//	var page Collection[AnyNamedLocation]
//	err := json.Unmarshal(body, &page)
//
// Its elements are decoded as the fields of a generated struct are: a
// family interface such as AnyNamedLocation holds each value as the type its
// "@odata.type" names. It is generic so that a response needs no wrapper
// type of its own; its methods are compiled only in the packages that use
// it, once for each element type.
type Collection[T any] struct {
	// ODataContext is "@odata.context", the URL of the metadata of the
	// response.
	ODataContext Nullable[string] `json:"@odata.context,omitzero"`
	// ODataCount is "@odata.count", the size of the whole collection, when
	// the request asked for it with $count.
	ODataCount Nullable[int64] `json:"@odata.count,omitzero"`
	// ODataNextLink is "@odata.nextLink", the URL of the next page, absent
	// on the last one.
	ODataNextLink Nullable[string] `json:"@odata.nextLink,omitzero"`
	// ODataDeltaLink is "@odata.deltaLink", the URL that asks for the
	// changes since, on the last page of a delta query.
	ODataDeltaLink Nullable[string] `json:"@odata.deltaLink,omitzero"`
	// Value holds the elements of this page. A null value decodes as nil,
	// and nil is written as [].
	Value []T `json:"value"`
	// AdditionalData holds the other members of the body, written after
	// the others, sorted by key.
	AdditionalData map[string]json.RawMessage `json:"-"`
}

// MarshalJSON encodes c, writing its elements as the fields of a generated
// struct are written.
func (c Collection[T]) MarshalJSON() ([]byte, error) { return marshalObject(&c) }

// UnmarshalJSON decodes a collection response into c.
func (c *Collection[T]) UnmarshalJSON(data []byte) error { return unmarshalObject(data, c) }

// String formats c for people, as the String method of a generated struct
// formats it: its members that are not absent, by Go name, with values
// rather than addresses.
func (c Collection[T]) String() string { return formatObject(&c) }
