// Package diff compares the models of two versions of a spec folder and
// reports the changes a user of the generated package or of the JSON it
// reads would notice. Only the model is compared, never the page text, so an
// edit to prose, descriptions or front matter is no change.
package diff

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/model"
)

// Kind names a change; the kinds are stable, for tools and documentation.
type Kind string

// The kinds of change Compare reports.
const (
	TypeAdded              Kind = "type-added"
	TypeRemoved            Kind = "type-removed"
	TypeRenamed            Kind = "type-renamed"
	TypeOpened             Kind = "type-opened"
	TypeClosed             Kind = "type-closed"
	EnumAdded              Kind = "enum-added"
	EnumRemoved            Kind = "enum-removed"
	EnumRenamed            Kind = "enum-renamed"
	BaseChanged            Kind = "base-changed"
	PropertyAdded          Kind = "property-added"
	PropertyRemoved        Kind = "property-removed"
	PropertyRetyped        Kind = "property-retyped"
	PropertyToCollection   Kind = "property-to-collection"
	PropertyFromCollection Kind = "property-from-collection"
	PropertyRenamed        Kind = "property-renamed"
	PropertyCaseChanged    Kind = "property-case-changed"
	MemberAdded            Kind = "member-added"
	MemberRemoved          Kind = "member-removed"
	MemberCaseChanged      Kind = "member-case-changed"
	MemberRenamed          Kind = "member-renamed"
)

// Class is the set of ways a change breaks existing code. The zero Class is
// a compatible change.
type Class uint8

// The two ways a change can break. A change may be both.
const (
	// BreakingGo means Go code written against the old package may no
	// longer compile against the new one.
	BreakingGo Class = 1 << iota
	// BreakingWire means a client built from the old pages may misread
	// JSON written according to the new ones.
	BreakingWire
)

// Breaking reports whether c breaks in any way.
func (c Class) Breaking() bool { return c != 0 }

// Names returns the names of c's classes: "breaking-go", "breaking-wire",
// or "compatible" alone.
func (c Class) Names() []string {
	var n []string
	if c&BreakingGo != 0 {
		n = append(n, "breaking-go")
	}
	if c&BreakingWire != 0 {
		n = append(n, "breaking-wire")
	}
	if len(n) == 0 {
		n = append(n, "compatible")
	}
	return n
}

func (c Class) String() string { return strings.Join(c.Names(), ",") }

// Change is one difference between the old and the new model.
type Change struct {
	Kind  Kind
	Class Class
	// Pos is in the new pages for an addition or a change, and in the old
	// pages for a removal, so it points at text that exists.
	Pos      diag.Pos
	Type     string // wire name of the type or enum concerned
	Property string // JSON name of the property, for property changes
	Member   string // wire value of the member, for member changes
	Message  string
}

// String renders c as "path:line:col: classes: message [kind]", the shape of
// a diagnostic.
func (c Change) String() string {
	var b strings.Builder
	if s := c.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s: %s [%s]", c.Class, printable(c.Message), c.Kind)
	return b.String()
}

// printable escapes, Go style, what a terminal would not show as text: a
// control character, a byte order mark, a byte that is not UTF-8. A
// page's wire name can hold them, and a change is one line of text.
func printable(s string) string {
	bad := func(r rune) bool { return r == utf8.RuneError || !unicode.IsGraphic(r) }
	if strings.IndexFunc(s, bad) < 0 {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case bad(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

// Compare returns the changes from one model to another, sorted by
// position, kind, type, property and member, so the output never depends
// on map order.
func Compare(from, to *model.Package) []Change {
	c := &comparer{}
	c.structs(from.Structs, to.Structs)
	c.enums(from.Enums, to.Enums)
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		switch {
		case a.Pos != b.Pos:
			return a.Pos.Before(b.Pos)
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		case a.Type != b.Type:
			return a.Type < b.Type
		case a.Property != b.Property:
			return a.Property < b.Property
		}
		return a.Member < b.Member
	})
	return c.out
}

type comparer struct {
	out []Change
}

func (c *comparer) add(ch Change) { c.out = append(c.out, ch) }

// key is how a type or enum is matched between versions. Links between
// pages, and so the resolver's look-ups, ignore case, so a name whose case
// changed is the same type renamed, not one removed and one added.
func key(wireName string) string { return strings.ToLower(wireName) }

// match pairs the olds with the news by wire name: exactly first, then
// ignoring case where one old and one new are left with the same folded
// name, so that two names that differ only in case on one side are each
// paired with their own, never both with one.
func match[T any](olds, news []T, wire func(T) string) (pairs [][2]T, removed, added []T) {
	exact := map[string]int{}
	for i, n := range news {
		exact[wire(n)] = i
	}
	pairedNew := make([]bool, len(news))
	pairedOld := make([]int, len(olds)) // index+1 of the new paired with each old
	for i, o := range olds {
		if j, ok := exact[wire(o)]; ok {
			pairedOld[i], pairedNew[j] = j+1, true
		}
	}
	leftOld, leftNew := map[string][]int{}, map[string][]int{}
	for i, o := range olds {
		if pairedOld[i] == 0 {
			leftOld[key(wire(o))] = append(leftOld[key(wire(o))], i)
		}
	}
	for j, n := range news {
		if !pairedNew[j] {
			leftNew[key(wire(n))] = append(leftNew[key(wire(n))], j)
		}
	}
	for k, is := range leftOld {
		if js := leftNew[k]; len(is) == 1 && len(js) == 1 {
			pairedOld[is[0]], pairedNew[js[0]] = js[0]+1, true
		}
	}
	for i, o := range olds {
		if j := pairedOld[i]; j > 0 {
			pairs = append(pairs, [2]T{o, news[j-1]})
		} else {
			removed = append(removed, o)
		}
	}
	for j, n := range news {
		if !pairedNew[j] {
			added = append(added, n)
		}
	}
	return pairs, removed, added
}

func (c *comparer) structs(olds, news []*model.Struct) {
	pairs, removed, added := match(olds, news, func(s *model.Struct) string { return s.WireName })
	for _, o := range removed {
		c.add(Change{Kind: TypeRemoved, Class: BreakingGo, Pos: o.Source, Type: o.WireName,
			Message: fmt.Sprintf("type %s (Go %s) was removed", o.WireName, o.Name)})
	}
	// Own fields are compared with the other side's fields including the
	// inherited ones, so a property moved between a type and its base is
	// not reported as removed from one and added to the other.
	newOf := make(map[*model.Struct]*model.Struct, len(pairs))
	oldOf := make(map[*model.Struct]*model.Struct, len(pairs))
	for _, p := range pairs {
		newOf[p[0]], oldOf[p[1]] = p[1], p[0]
	}
	inNew := inherited(news, func(n *model.Struct) []*model.Field {
		if o := oldOf[n]; o != nil {
			return o.Fields
		}
		return nil
	})
	inOld := inherited(olds, func(o *model.Struct) []*model.Field {
		if n := newOf[o]; n != nil {
			return n.Fields
		}
		return nil
	})
	for _, p := range pairs {
		c.structPair(p[0], p[1], inNew, inOld)
	}
	for _, n := range added {
		c.add(Change{Kind: TypeAdded, Pos: n.Source, Type: n.WireName,
			Message: fmt.Sprintf("type %s (Go %s) was added", n.WireName, n.Name)})
	}
}

// structPair compares o with n. inNew holds, for each field of o, the field
// of n or of its bases with its JSON name, and inOld the same for each field
// of n.
func (c *comparer) structPair(o, n *model.Struct, inNew, inOld map[*model.Field]*model.Field) {
	var class Class
	if o.Name != n.Name {
		class |= BreakingGo
	}
	if o.WireName != n.WireName {
		// The name is the @odata.type value an old client expects.
		class |= BreakingWire
	}
	if class != 0 {
		c.add(Change{Kind: TypeRenamed, Class: class, Pos: n.Source, Type: n.WireName,
			Message: fmt.Sprintf("type %s (Go %s) is now %s (Go %s)", o.WireName, o.Name, n.WireName, n.Name)})
	}
	if ob, nb := baseName(o), baseName(n); key(ob) != key(nb) {
		// Embedding a different base changes the promoted fields and the
		// struct literals that name the base; on the wire, the inherited
		// properties and what @odata.type may be derived from change.
		c.add(Change{Kind: BaseChanged, Class: BreakingGo | BreakingWire, Pos: n.Source, Type: n.WireName,
			Message: fmt.Sprintf("base type of %s changed from %s to %s", n.WireName, orNone(ob), orNone(nb))})
	}
	switch {
	case !o.Open && n.Open:
		c.add(Change{Kind: TypeOpened, Pos: n.Source, Type: n.WireName,
			Message: fmt.Sprintf("type %s is now open: %s gains AdditionalData, and clients built from the old pages drop the members no property declares", n.WireName, n.Name)})
	case o.Open && !n.Open:
		c.add(Change{Kind: TypeClosed, Class: BreakingGo, Pos: n.Source, Type: n.WireName,
			Message: fmt.Sprintf("type %s is no longer open: %s loses its AdditionalData field", n.WireName, n.Name)})
	}
	respelled := map[*model.Field]bool{}
	for _, of := range o.Fields {
		nf := inNew[of]
		if nf == nil {
			if nf = respelling(of, n.Fields, inOld); respelled[nf] {
				nf = nil // another old property already took it
			}
		}
		if nf != nil && nf.JSONName != of.JSONName {
			respelled[nf] = true
			c.add(Change{Kind: PropertyCaseChanged, Class: BreakingWire, Pos: nf.Pos, Type: n.WireName, Property: nf.JSONName,
				Message: fmt.Sprintf("property %q of %s is now spelled %q, which clients that match member names exactly no longer decode", of.JSONName, n.WireName, nf.JSONName)})
		}
		if nf == nil {
			c.add(Change{Kind: PropertyRemoved, Class: BreakingGo, Pos: of.Pos, Type: o.WireName, Property: of.JSONName,
				Message: fmt.Sprintf("property %q (Go %s) of %s was removed", of.JSONName, of.Name, o.WireName)})
			continue
		}
		c.field(n, of, nf)
	}
	for _, nf := range n.Fields {
		if inOld[nf] == nil && !respelled[nf] {
			c.add(Change{Kind: PropertyAdded, Pos: nf.Pos, Type: n.WireName, Property: nf.JSONName,
				Message: fmt.Sprintf("property %q (Go %s, %s) of %s was added", nf.JSONName, nf.Name, typeString(nf.Type), n.WireName)})
		}
	}
}

func baseName(s *model.Struct) string {
	if s.Base == nil {
		return ""
	}
	return s.Base.WireName
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// respelling returns the one field of fields whose JSON name differs from
// that of of only in case and that is new, or nil: a property whose name
// changed case is one change, not a removal and an addition.
func respelling(of *model.Field, fields []*model.Field, inOld map[*model.Field]*model.Field) *model.Field {
	var found *model.Field
	for _, nf := range fields {
		if inOld[nf] == nil && strings.EqualFold(nf.JSONName, of.JSONName) {
			if found != nil {
				return nil
			}
			found = nf
		}
	}
	return found
}

// inherited looks up the fields that asked(s) returns, for each struct s of
// structs, among the fields of s and its bases, by JSON name, and returns
// what it found for each. JSON names are matched exactly: the generated
// decoders, like other clients', compare them exactly. One walk of the
// inheritance forest answers all, holding the fields of the types it is
// below, so the cost is linear in the package, not in the sum of the
// lengths of its chains.
func inherited(structs []*model.Struct, asked func(s *model.Struct) []*model.Field) map[*model.Field]*model.Field {
	found := map[*model.Field]*model.Field{}
	byJSON := map[string]*model.Field{}
	// shadowed holds, for each field entered, the field of a base it hides
	// (nil for none), to put back on leaving.
	var shadowed []*model.Field
	model.WalkInheritance(structs, func(s *model.Struct) {
		for _, f := range s.Fields {
			shadowed = append(shadowed, byJSON[f.JSONName])
			byJSON[f.JSONName] = f
		}
		for _, q := range asked(s) {
			if f := byJSON[q.JSONName]; f != nil {
				found[q] = f
			}
		}
	}, func(s *model.Struct) {
		for i := len(s.Fields) - 1; i >= 0; i-- {
			f, prev := s.Fields[i], shadowed[len(shadowed)-1]
			shadowed = shadowed[:len(shadowed)-1]
			if prev == nil {
				delete(byJSON, f.JSONName)
			} else {
				byJSON[f.JSONName] = prev
			}
		}
	})
	return found
}

func (c *comparer) field(s *model.Struct, of, nf *model.Field) {
	ch := Change{Pos: nf.Pos, Type: s.WireName, Property: nf.JSONName}
	ot, nt := of.Type, nf.Type
	switch {
	case !sameType(ot, nt):
		ch.Kind, ch.Class = PropertyRetyped, BreakingGo|BreakingWire
		if stringOrEnum(ot) && stringOrEnum(nt) {
			// Both are JSON strings: the values an old client accepts are
			// the business of the enum's member changes.
			ch.Class = BreakingGo
		}
		ch.Message = fmt.Sprintf("property %q of %s changed type from %s to %s", nf.JSONName, s.WireName, typeString(ot), typeString(nt))
		c.add(ch)
	case !ot.Collection && nt.Collection:
		ch.Kind, ch.Class = PropertyToCollection, BreakingGo|BreakingWire
		ch.Message = fmt.Sprintf("property %q of %s is now a collection: %s, was %s", nf.JSONName, s.WireName, typeString(nt), typeString(ot))
		c.add(ch)
	case ot.Collection && !nt.Collection:
		ch.Kind, ch.Class = PropertyFromCollection, BreakingGo|BreakingWire
		ch.Message = fmt.Sprintf("property %q of %s is no longer a collection: %s, was %s", nf.JSONName, s.WireName, typeString(nt), typeString(ot))
		c.add(ch)
	}
	if of.Name != nf.Name {
		c.add(Change{Kind: PropertyRenamed, Class: BreakingGo, Pos: nf.Pos, Type: s.WireName, Property: nf.JSONName,
			Message: fmt.Sprintf("property %q of %s has Go name %s, was %s", nf.JSONName, s.WireName, nf.Name, of.Name)})
	}
}

// sameType reports whether two type references name the same type, apart
// from being collections.
func sameType(a, b model.TypeRef) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case model.KindPrimitive:
		return a.Primitive == b.Primitive
	case model.KindEnum:
		return key(a.Enum.WireName) == key(b.Enum.WireName)
	case model.KindStruct:
		return key(a.Struct.WireName) == key(b.Struct.WireName)
	}
	return true
}

func stringOrEnum(t model.TypeRef) bool {
	return !t.Collection && (t.Kind == model.KindEnum || t.Kind == model.KindPrimitive && t.Primitive == model.String)
}

// typeString describes a type reference with wire names, as the pages do.
func typeString(t model.TypeRef) string {
	var s string
	switch t.Kind {
	case model.KindPrimitive:
		s = string(t.Primitive)
	case model.KindEnum:
		s = "enum " + t.Enum.WireName
	case model.KindStruct:
		s = t.Struct.WireName
	default:
		s = "raw JSON"
	}
	if t.Collection {
		s = "collection of " + s
	}
	return s
}

func (c *comparer) enums(olds, news []*model.Enum) {
	pairs, removed, added := match(olds, news, func(e *model.Enum) string { return e.WireName })
	for _, o := range removed {
		c.add(Change{Kind: EnumRemoved, Class: BreakingGo, Pos: o.Source, Type: o.WireName,
			Message: fmt.Sprintf("enum %s (Go %s) was removed", o.WireName, o.Name)})
	}
	for _, p := range pairs {
		c.enumPair(p[0], p[1])
	}
	for _, n := range added {
		c.add(Change{Kind: EnumAdded, Pos: n.Source, Type: n.WireName,
			Message: fmt.Sprintf("enum %s (Go %s) was added", n.WireName, n.Name)})
	}
}

func (c *comparer) enumPair(o, n *model.Enum) {
	if o.Name != n.Name {
		// An enum's own name never appears in JSON, only its values.
		c.add(Change{Kind: EnumRenamed, Class: BreakingGo, Pos: n.Source, Type: n.WireName,
			Message: fmt.Sprintf("enum %s has Go name %s, was %s", n.WireName, n.Name, o.Name)})
	}
	newByValue := map[string]*model.Member{}
	for _, m := range n.Members {
		newByValue[m.Value] = m
	}
	oldByValue := map[string]*model.Member{}
	for _, m := range o.Members {
		oldByValue[m.Value] = m
	}
	// Values present on one side only are paired when they differ in case
	// alone, in page order; the rest are removed or added.
	var gone, fresh []*model.Member
	for _, m := range o.Members {
		if nm := newByValue[m.Value]; nm == nil {
			gone = append(gone, m)
		} else if nm.Name != m.Name {
			c.add(Change{Kind: MemberRenamed, Class: BreakingGo, Pos: nm.Pos, Type: n.WireName, Member: m.Value,
				Message: fmt.Sprintf("member %q of enum %s has Go name %s, was %s", m.Value, n.WireName, nm.Name, m.Name)})
		}
	}
	for _, m := range n.Members {
		if oldByValue[m.Value] == nil {
			fresh = append(fresh, m)
		}
	}
	paired := map[*model.Member]bool{}
	for _, om := range gone {
		var match *model.Member
		for _, nm := range fresh {
			if !paired[nm] && strings.EqualFold(om.Value, nm.Value) {
				match = nm
				break
			}
		}
		if match == nil {
			c.add(Change{Kind: MemberRemoved, Class: BreakingGo | BreakingWire, Pos: om.Pos, Type: o.WireName, Member: om.Value,
				Message: fmt.Sprintf("member %q (Go %s) of enum %s was removed", om.Value, om.Name, o.WireName)})
			continue
		}
		paired[match] = true
		// JSON compares enum values exactly, so an old client rejects the
		// new spelling; the constant keeps its name only if the Go name
		// happens to come out the same.
		class := BreakingWire
		if om.Name != match.Name {
			class |= BreakingGo
		}
		goName := fmt.Sprintf("Go name %s unchanged", match.Name)
		if class&BreakingGo != 0 {
			goName = fmt.Sprintf("Go name %s, was %s", match.Name, om.Name)
		}
		c.add(Change{Kind: MemberCaseChanged, Class: class, Pos: match.Pos, Type: n.WireName, Member: match.Value,
			Message: fmt.Sprintf("member %q of enum %s is now spelled %q, which clients that compare values exactly reject (%s)", om.Value, n.WireName, match.Value, goName)})
	}
	for _, nm := range fresh {
		if paired[nm] {
			continue
		}
		// Generated decoders keep an undocumented value by default, so an
		// old client still reads the new member; one generated with
		// -strict-enums rejects it, which the message says.
		c.add(Change{Kind: MemberAdded, Pos: nm.Pos, Type: n.WireName, Member: nm.Value,
			Message: fmt.Sprintf("member %q (Go %s) of enum %s was added; clients generated with -strict-enums reject it until regenerated", nm.Value, nm.Name, n.WireName)})
	}
}
