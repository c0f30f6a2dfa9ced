package support

import "encoding/json"

// node is a struct as graphgen generates one, for the tests of this
// package: Nullable members, an enum, collections, a base and additional
// data.
type node struct {
	base
	Name           Nullable[string]           `json:"name,omitzero"`
	Color          Nullable[color]            `json:"color,omitzero"`
	Colors         Nullable[[]color]          `json:"colors,omitzero"`
	Children       Nullable[[]node]           `json:"children,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (x node) MarshalJSON() ([]byte, error)     { return marshalObject(&x) }
func (x *node) UnmarshalJSON(data []byte) error { return unmarshalObject(data, x) }
func (x *node) Validate() error                 { return Validate(x) }

// base is the base type of node.
type base struct {
	ODataType Nullable[string] `json:"@odata.type,omitzero"`
	Kind      Nullable[color]  `json:"kind,omitzero"`
}

func (x base) MarshalJSON() ([]byte, error)     { return marshalObject(&x) }
func (x *base) UnmarshalJSON(data []byte) error { return unmarshalObject(data, x) }
func (x *base) Validate() error                 { return Validate(x) }

// Both have what graphgen gives every struct.
var _, _ object = (*node)(nil), (*base)(nil)

// color is an enum as graphgen generates one.
type color string

// The enum table of this package's tests, as graphgen writes one in
// graphgen_enumtable.go; nothing looks an enum up before init is done.
func init() {
	enumTable = []enumEntry{{"color", []string{"red", "green"}}}
}
