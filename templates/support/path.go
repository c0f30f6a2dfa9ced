package support

// jsonPath is the JSON path of a value being decoded, for errors: the member
// key, or the element index, of the value within the one up. It is a linked
// list, written out only for an error, since writing out the path of every
// value of a deep one would cost the square of its depth.
type jsonPath struct {
	up    *jsonPath
	key   string // for a member
	elem  bool   // for an element of an array, at index
	index int
}

// String returns the path as Validate writes it: "participants[1].endpointType".
func (p *jsonPath) String() string {
	if p == nil {
		return ""
	}
	if p.elem {
		return elemPath(p.up.String(), p.index)
	}
	return memberPath(p.up.String(), p.key)
}
