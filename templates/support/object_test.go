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
func (x node) String() string                   { return formatObject(&x) }

// base is the base type of node.
type base struct {
	ODataType Nullable[string] `json:"@odata.type,omitzero"`
	Kind      Nullable[color]  `json:"kind,omitzero"`
}

func (x base) MarshalJSON() ([]byte, error)     { return marshalObject(&x) }
func (x *base) UnmarshalJSON(data []byte) error { return unmarshalObject(data, x) }
func (x *base) Validate() error                 { return Validate(x) }
func (x base) String() string                   { return formatObject(&x) }

// Both have what graphgen gives every struct.
var _, _ object = (*node)(nil), (*base)(nil)

// color is an enum as graphgen generates one.
type color string

// shape is a type with derived types, as graphgen generates one, with the
// interface of its family, anyShape: a field of its type, and a collection.
type shape struct {
	ODataType      Nullable[string]           `json:"@odata.type,omitzero"`
	Name           Nullable[string]           `json:"name,omitzero"`
	Inner          Nullable[anyShape]         `json:"inner,omitzero"`
	Shapes         Nullable[[]anyShape]       `json:"shapes,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (x shape) MarshalJSON() ([]byte, error)     { return marshalObject(&x) }
func (x *shape) UnmarshalJSON(data []byte) error { return unmarshalObject(data, x) }
func (x *shape) Validate() error                 { return Validate(x) }
func (x shape) String() string                   { return formatObject(&x) }

// anyShape is a shape or a type derived from it.
type anyShape interface{ AsShape() *shape }

func (x *shape) AsShape() *shape { return x }

// circle derives from shape.
type circle struct {
	shape
	Radius Nullable[float64] `json:"radius,omitzero"`
}

func (x circle) MarshalJSON() ([]byte, error)     { return marshalObject(&x) }
func (x *circle) UnmarshalJSON(data []byte) error { return unmarshalObject(data, x) }
func (x *circle) Validate() error                 { return Validate(x) }
func (x circle) String() string                   { return formatObject(&x) }

// square derives from shape, and is open.
type square struct {
	shape
	Side Nullable[int] `json:"side,omitzero"`
}

func (x square) MarshalJSON() ([]byte, error)     { return marshalObject(&x) }
func (x *square) UnmarshalJSON(data []byte) error { return unmarshalObject(data, x) }
func (x *square) Validate() error                 { return Validate(x) }
func (x square) String() string                   { return formatObject(&x) }

// The enum and type tables of this package's tests, as graphgen writes
// them in graphgen_enumtable.go; nothing looks one up before init is done.
func init() {
	enumTable = []enumEntry{{"color", []string{"red", "green"}}}
	typeTable = []typeEntry{
		{"test.base", (*base)(nil), false},
		{"test.circle", (*circle)(nil), false},
		{"test.node", (*node)(nil), false},
		{"test.shape", (*shape)(nil), false},
		{"test.square", (*square)(nil), true},
	}
}
