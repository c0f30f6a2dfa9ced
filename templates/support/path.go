package support

import (
	"strconv"
	"strings"
)

// jsonPath is the JSON path of a value, for errors: the member key, or the
// element index, of the value within the one up. It is a linked list,
// written out only for an error, since writing out the path of every value
// of a deep one, valid or not, would cost the square of its depth.
type jsonPath struct {
	up    *jsonPath
	key   string // for a member
	elem  bool   // for an element of an array, at index
	index int
}

// String returns the path as errors write it: "participants[1].endpointType".
// It writes each level once, into one buffer, so that the cost is that of
// the result.
func (p *jsonPath) String() string {
	var levels []*jsonPath
	for q := p; q != nil; q = q.up {
		levels = append(levels, q)
	}
	var b strings.Builder
	for i := len(levels) - 1; i >= 0; i-- {
		q := levels[i]
		if q.elem {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(q.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(q.key)
	}
	return b.String()
}
