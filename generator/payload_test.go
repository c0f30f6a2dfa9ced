package generator_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/examples"
	"github.com/graphgen/graphgen/generator/jsonx"
	"github.com/graphgen/graphgen/generator/model"
)

// payloadFloors are the floors of TestPayloadConformance for one version of
// the corpus, at the figures measured on its method pages (July 2021).
// Raise them as decoding improves; a change that lowers a figure fails the
// test.
type payloadFloors struct {
	// Examples whose every object decodes: keeps the shares below from
	// resting on a handful of examples.
	examplesDecoded int
	// Members of decoded objects, at every depth, kept with an equal value.
	membersPreserved float64
	// Instance annotations among them: "@odata.type", "@odata.etag",
	// "x@odata.type".
	annotationsPreserved float64
	// Examples without doc placeholders whose every object decodes.
	placeholderFreeDecode float64
}

var payloadFloorsOf = map[string]payloadFloors{
	// 933 examples decoded since an Edm.Binary is read unpadded, and in
	// the URL alphabet, as the OData JSON format allows: 928 before, when
	// attachment-get.md's fileAttachment, whose contentBytes is 107
	// characters of base64 without padding, and message-post-attachments.md's
	// 15 were refused, and so were the three certificatebasedauthconfiguration
	// pages, whose certificate is the placeholder "Binary", base64 too.
	// Members 13,023 of 13,025 (12,933 of 12,935 before), 5 of them base64
	// written padded; annotations 741 of 741; placeholder-free 642 of 654
	// (640 before).
	"v1.0": {examplesDecoded: 933, membersPreserved: 0.9998, annotationsPreserved: 1.0, placeholderFreeDecode: 0.9816},
	// The beta method pages are not in the corpus CI has: the floors hold
	// when GRAPHGEN_CORPUS names a graph-docs folder that has them (the
	// api-reference/beta/api folder of the same docs commit). 1,598
	// examples decoded; members 22,952 of 22,954, 6 of them base64 written
	// padded; annotations 1,127 of 1,127; placeholder-free 1,204 of 1,255.
	// Before Edm.Binary was read unpadded and in the URL alphabet: 1,592
	// examples (the six more are the three certificate pages and three
	// lists of attachments whose contentBytes is "contentBytes-value",
	// base64url), members 22,897 of 22,899, annotations 1,124 of 1,124,
	// the same placeholder-free examples. Before derived types and
	// undeclared members were kept: 1,593 examples (the one more is a
	// fileAttachment of placeholders, now read as one), 88.25% of members,
	// 43.56% of annotations, the same 1,204 placeholder-free examples.
	"beta": {examplesDecoded: 1598, membersPreserved: 0.9999, annotationsPreserved: 1.0, placeholderFreeDecode: 0.9593},
}

// TestPayloadConformance decodes the response examples of the v1.0 method
// pages into the generated whole-corpus v1.0 package, encodes them again
// with encoding/json, as a user of the package would, and compares the two
// member by member. It prints the figures and checks them against the
// floors above.
//
// The objects of an example are the elements of "value" for a collection
// response, and the body otherwise (examples.Example.Objects); a body
// {"value": [...]} counts as a collection too when the annotation leaves out
// isCollection and the type declares no "value". Each object is decoded into
// the Go type of the annotation's @odata.type. Members are counted at every
// depth; a lost member loses the members inside its value with it, under
// its cause. A timestamp, a number or base64 written otherwise but equal
// ("…00.000Z" and "…00Z", "aGk" and "aGk=") counts as kept. The generated package and a harness that
// decodes and encodes are built in a temporary module and run once, on all
// the objects.
func TestPayloadConformance(t *testing.T) {
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) { payloadConformance(t, version) })
	}
}

func payloadConformance(t *testing.T, version string) {
	floors := payloadFloorsOf[version]
	resources := corpus(t, version)
	api := filepath.Join(filepath.Dir(resources), "api")
	if _, err := os.Stat(api); err != nil {
		t.Skipf("no method pages at %s (set GRAPHGEN_CORPUS to a graph-docs folder that has them to run this): %v", api, err)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is needed to build the generated package: %v", err)
	}

	// The package is named v1 whatever the version: the harness imports
	// it by that name.
	res, err := generator.Generate(os.DirFS(resources), resources, generator.Options{Package: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("generating the %s package:\n%v", version, res.Diags)
	}
	ix := newTypeIndex(res.Model)
	exs := readResponseExamples(t, api, ix)

	mod := t.TempDir()
	writeHarnessModule(t, mod, res)
	var in []harnessInput
	for _, e := range exs {
		if e.typ == nil || e.shape != "" {
			continue
		}
		for _, o := range e.objects {
			e.ids = append(e.ids, len(in))
			in = append(in, harnessInput{ID: len(in), Type: e.typ.WireName, Body: encodeJSON(o)})
		}
	}
	outs := runHarness(t, goCmd, mod, in)
	if version == "v1.0" {
		checkDerivedValuesReachable(t, goCmd, mod, exs)
	}

	r := measure(ix, exs, outs)
	r.log(t, floors)
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s: %.2f%% is below the floor of %.2f%%", name, 100*got, 100*floor)
		}
	}
	if r.decoded < floors.examplesDecoded {
		t.Errorf("examples decoded: %d is below the floor of %d", r.decoded, floors.examplesDecoded)
	}
	check("members preserved", r.ratio(r.tally.Preserved, r.tally.Members), floors.membersPreserved)
	check("annotations preserved", r.ratio(r.tally.AnnotationsPreserved, r.tally.Annotations), floors.annotationsPreserved)
	check("placeholder-free examples decoded", r.ratio(r.cleanDecoded, r.clean), floors.placeholderFreeDecode)
	lost := 0
	for _, n := range r.tally.Lost {
		lost += n
	}
	if r.tally.Preserved+lost != r.tally.Members {
		t.Errorf("members: %d preserved and %d lost do not add up to the %d read", r.tally.Preserved, lost, r.tally.Members)
	}
}

// example is one response example, with the type it names and the objects
// it holds.
type example struct {
	file    string
	ex      *examples.Example
	typ     *model.Struct
	objects []*jsonx.Value
	shape   string   // why the objects could not be taken, "" when they were
	holders []string // the doc placeholders in the body
	ids     []int    // the harness's IDs of the objects
	// unmarked is set for a collection response ({"value": [...]}) whose
	// annotation does not say isCollection, and whose type has no "value".
	unmarked bool
}

// funnel counts the response examples at each step before decoding.
type funnel struct {
	responses, withJSON, withType, declared int
}

// readResponseExamples reads the response examples of every method page of
// dir, and takes the objects of those with a JSON body.
func readResponseExamples(t *testing.T, dir string, ix *typeIndex) []*example {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []*example
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		exs, _ := examples.Read(filepath.Base(name), src)
		for _, e := range exs {
			if e.Kind != examples.Response {
				continue
			}
			x := &example{file: filepath.Base(name), ex: e, typ: ix.lookup(e.Annotation.ODataType)}
			if body := jsonBody(e); body != nil {
				x.holders = placeholders(body)
				objs, err := e.Objects()
				if err != nil {
					x.shape = err.Error()
				}
				x.objects = objs
				if vals := body.Get("value"); !e.Annotation.IsCollection && body.Kind == jsonx.Object && vals != nil && vals.Kind == jsonx.Array && x.typ != nil && field(x.typ, "value", false) == nil {
					// A collection response whose annotation leaves out
					// isCollection: its objects are those of "value", as
					// a user reading the response would take them.
					x.objects, x.unmarked = vals.Elems, true
				}
			}
			out = append(out, x)
		}
	}
	return out
}

// jsonBody returns the parsed body of an example, or nil.
func jsonBody(e *examples.Example) *jsonx.Value {
	if e.Block == nil || e.Block.Body == nil {
		return nil
	}
	return e.Block.Body.JSON
}

// encodeJSON writes v as compact JSON, members in their order.
func encodeJSON(v *jsonx.Value) json.RawMessage {
	var b bytes.Buffer
	var enc func(v *jsonx.Value)
	enc = func(v *jsonx.Value) {
		switch v.Kind {
		case jsonx.Null:
			b.WriteString("null")
		case jsonx.Bool:
			fmt.Fprint(&b, v.Bool)
		case jsonx.Number:
			b.WriteString(v.Number)
		case jsonx.String:
			s, _ := json.Marshal(v.String)
			b.Write(s)
		case jsonx.Array:
			b.WriteByte('[')
			for i, e := range v.Elems {
				if i > 0 {
					b.WriteByte(',')
				}
				enc(e)
			}
			b.WriteByte(']')
		case jsonx.Object:
			b.WriteByte('{')
			for i, m := range v.Members {
				if i > 0 {
					b.WriteByte(',')
				}
				k, _ := json.Marshal(m.Key)
				b.Write(k)
				b.WriteByte(':')
				enc(m.Value)
			}
			b.WriteByte('}')
		}
	}
	enc(v)
	return b.Bytes()
}

// harnessInput is one object for the harness to decode as type Type.
type harnessInput struct {
	ID   int             `json:"id"`
	Type string          `json:"type"`
	Body json.RawMessage `json:"body"`
}

// harnessOutput is what the harness made of one object: its JSON after the
// round trip, or why it could not decode or encode it.
type harnessOutput struct {
	ID  int             `json:"id"`
	Out json.RawMessage `json:"out,omitempty"`
	Err string          `json:"err,omitempty"`
}

// writeHarnessModule writes, into dir, a module holding the generated
// package (without its tests, which need go-cmp) and a main package that
// decodes each object of a file with encoding/json into the Go type of its
// @odata.type, encodes it again and prints the result, one JSON line an
// object, in the order of the file.
func writeHarnessModule(t *testing.T, dir string, res *generator.Result) {
	t.Helper()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module example.com/corpus\n\ngo 1.25\n"))
	for name, data := range res.Files {
		if !strings.HasSuffix(name, "_test.go") {
			write(filepath.Join("v1", name), data)
		}
	}
	structs := append([]*model.Struct(nil), res.Model.Structs...)
	sort.Slice(structs, func(i, j int) bool { return structs[i].WireName < structs[j].WireName })
	var b bytes.Buffer
	b.WriteString(harnessHead)
	for _, s := range structs {
		// A type with derived types is decoded as a user decodes a
		// response of that type: into its interface, with v1.Unmarshal,
		// which makes the type the value's @odata.type names.
		name := s.Name
		if s.Interface != "" {
			name = s.Interface
		}
		fmt.Fprintf(&b, "\t%q: func() any { return new(v1.%s) },\n", strings.ToLower(s.WireName), name)
	}
	b.WriteString(harnessTail)
	write(filepath.Join("harness", "main.go"), b.Bytes())
}

// harnessHead and harnessTail surround the table of the harness, from each
// struct's lower-cased OData name to a constructor of its Go type.
const harnessHead = `// Command harness decodes JSON objects into the generated types and
// encodes them again, as a user of the package would.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"

	v1 "example.com/corpus/v1"
)

var types = map[string]func() any{
`

const harnessTail = `}

type input struct {
	ID   int             ` + "`json:\"id\"`" + `
	Type string          ` + "`json:\"type\"`" + `
	Body json.RawMessage ` + "`json:\"body\"`" + `
}

type output struct {
	ID  int             ` + "`json:\"id\"`" + `
	Out json.RawMessage ` + "`json:\"out,omitempty\"`" + `
	Err string          ` + "`json:\"err,omitempty\"`" + `
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var ins []input
	if err := json.Unmarshal(data, &ins); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	for _, in := range ins {
		o := output{ID: in.ID}
		out, err := roundTrip(in.Type, in.Body)
		if err != nil {
			o.Err = err.Error()
		} else {
			o.Out = out
		}
		if err := enc.Encode(o); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// roundTrip decodes body into a new value of the Go type of typ and
// encodes that value again.
func roundTrip(typ string, body []byte) (json.RawMessage, error) {
	newValue, ok := types[strings.ToLower(typ)]
	if !ok {
		return nil, fmt.Errorf("no Go type for %q", typ)
	}
	v := newValue()
	decode := json.Unmarshal
	if reflect.TypeOf(v).Elem().Kind() == reflect.Interface {
		decode = v1.Unmarshal // json.Unmarshal cannot choose the type
	}
	if err := decode(body, v); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return out, nil
}
`

// runHarness builds the harness module in dir and runs it on in, returning
// its output by ID.
func runHarness(t *testing.T, goCmd, dir string, in []harnessInput) map[int]harnessOutput {
	t.Helper()
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	inFile := filepath.Join(dir, "objects.json")
	if err := os.WriteFile(inFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "harness.bin")
	build := exec.Command(goCmd, "build", "-o", bin, "./harness")
	build.Dir = dir
	// The module stands alone: no workspace, and nothing to download.
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the generated package and its harness: %v\n%s", err, out)
	}
	run := exec.Command(bin, inFile)
	var stderr bytes.Buffer
	run.Stderr = &stderr
	stdout, err := run.Output()
	if err != nil {
		t.Fatalf("running the harness: %v\n%s", err, stderr.Bytes())
	}
	outs := map[int]harnessOutput{}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var o harnessOutput
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("harness output line %q: %v", sc.Text(), err)
		}
		outs[o.ID] = o
	}
	if len(outs) != len(in) {
		t.Fatalf("the harness answered for %d objects of %d", len(outs), len(in))
	}
	return outs
}

// payloadReport holds the figures of TestPayloadConformance.
type payloadReport struct {
	funnel
	examples, objects     int // examples with objects, of a declared type; their objects
	unmarked              int // … of them, collections whose annotation leaves out isCollection
	decoded               int // examples whose every object decoded
	objectsDecoded        int
	clean, cleanDecoded   int // placeholder-free examples, and those decoded
	tally                 tally
	failures, placeholder []string // examples that did not decode, with the reason
}

func (r *payloadReport) ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// measure compares every decoded object with its round trip.
func measure(ix *typeIndex, exs []*example, outs map[int]harnessOutput) *payloadReport {
	r := &payloadReport{}
	for _, x := range exs {
		r.responses++
		body := jsonBody(x.ex)
		if body == nil {
			continue
		}
		r.withJSON++
		if x.ex.Annotation.ODataType == "" {
			continue
		}
		r.withType++
		if x.typ == nil {
			continue
		}
		r.declared++
		at := x.ex.Block.Body.Pos
		where := fmt.Sprintf("%s:%d", x.file, at.Line)
		if x.shape != "" {
			r.failures = append(r.failures, fmt.Sprintf("%s: %s: %s", where, x.typ.WireName, x.shape))
			if len(x.holders) == 0 {
				r.clean++
			}
			continue
		}
		r.examples++
		if x.unmarked {
			r.unmarked++
		}
		ok := true
		var reason string
		for i, o := range x.objects {
			r.objects++
			h := outs[x.ids[i]]
			if h.Err != "" {
				ok = false
				if reason == "" {
					reason = h.Err
				}
				continue
			}
			r.objectsDecoded++
			out, err := jsonx.Parse(h.Out)
			if err != nil {
				ok = false
				reason = "harness wrote invalid JSON: " + err.Error()
				continue
			}
			c := &comparer{example: where, ix: ix, pos: x.ex.Block.Body.PosOf, tall: &r.tally}
			c.compare(o, out, x.typ)
		}
		if len(x.holders) == 0 {
			r.clean++
		}
		if ok {
			r.decoded++
			if len(x.holders) == 0 {
				r.cleanDecoded++
			}
			continue
		}
		line := fmt.Sprintf("%s: %s: %s", where, x.typ.WireName, reason)
		if len(x.holders) > 0 {
			r.placeholder = append(r.placeholder, line+" (placeholders "+strings.Join(firstN(x.holders, 3), ", ")+")")
		} else {
			r.failures = append(r.failures, line)
		}
	}
	return r
}

func firstN(s []string, n int) []string {
	return s[:min(n, len(s))]
}

// log prints the figures, then the failures and the biggest losses.
func (r *payloadReport) log(t *testing.T, floors payloadFloors) {
	t.Helper()
	row := func(label string, n int, rest string) { t.Logf("%-44s %6d %s", label, n, rest) }
	pct := func(label string, n, d int, floor float64) {
		f := ""
		if floor > 0 {
			f = fmt.Sprintf("  (floor %.2f%%)", 100*floor)
		}
		t.Logf("%-44s %6d / %-6d %6.2f%%%s", label, n, d, 100*r.ratio(n, d), f)
	}
	row("response examples", r.responses, "")
	row("  with a JSON body", r.withJSON, "")
	row("  … naming a type (@odata.type)", r.withType, "")
	row("  … of a type the spec declares", r.declared, "")
	row("  … with the objects announced", r.examples, fmt.Sprintf("(%d objects)", r.objects))
	row("    … of them, collections not marked", r.unmarked, "(isCollection left out)")
	row("examples decoded", r.decoded, fmt.Sprintf("(floor %d)", floors.examplesDecoded))
	pct("  share of the examples", r.decoded, r.examples, 0)
	pct("objects decoded", r.objectsDecoded, r.objects, 0)
	pct("placeholder-free examples decoded", r.cleanDecoded, r.clean, floors.placeholderFreeDecode)
	pct("members preserved", r.tally.Preserved, r.tally.Members, floors.membersPreserved)
	row("  … timestamps equal, written otherwise", r.tally.EqualTimestamps, "(\".000Z\" as \"Z\")")
	row("  … numbers equal, written otherwise", r.tally.EqualNumbers, "(\"1.0\" as \"1\")")
	row("  … base64 equal, written otherwise", r.tally.EqualBinary, "(\"aGk\" as \"aGk=\")")
	pct("  … a lost member counted as one", r.tally.Preserved, r.tally.Preserved+len(r.tally.Losses), 0)
	pct("instance annotations preserved", r.tally.AnnotationsPreserved, r.tally.Annotations, floors.annotationsPreserved)
	pct("  … @odata.type", r.tally.ODataTypesPreserved, r.tally.ODataTypes, 0)
	pct("  … the others", r.tally.AnnotationsPreserved-r.tally.ODataTypesPreserved, r.tally.Annotations-r.tally.ODataTypes, 0)
	causes := make([]string, 0, len(r.tally.Lost))
	for c := range r.tally.Lost {
		causes = append(causes, c)
	}
	sort.Slice(causes, func(i, j int) bool {
		a, b := r.tally.Lost[causes[i]], r.tally.Lost[causes[j]]
		return a > b || a == b && causes[i] < causes[j]
	})
	for _, c := range causes {
		row("members lost: "+c, r.tally.Lost[c], fmt.Sprintf("in %d examples", r.examplesWith(c)))
	}
	for _, c := range causes {
		for _, g := range r.biggestLosses(c, 8) {
			t.Logf("  %-20s %s", c, g)
		}
	}
	sort.Strings(r.failures)
	sort.Strings(r.placeholder)
	t.Logf("examples not decoded, without placeholders: %d", len(r.failures))
	for _, f := range r.failures {
		t.Logf("  %s", f)
	}
	t.Logf("examples not decoded, with doc placeholders: %d", len(r.placeholder))
	for _, f := range r.placeholder {
		t.Logf("  %s", f)
	}
}

// examplesWith counts the examples that lose members to cause.
func (r *payloadReport) examplesWith(cause string) int {
	seen := map[string]bool{}
	for _, l := range r.tally.Losses {
		if l.Cause == cause {
			seen[l.Example] = true
		}
	}
	return len(seen)
}

// biggestLosses groups the losses of cause by type and member, biggest
// first, each with the number of members lost and up to three places.
func (r *payloadReport) biggestLosses(cause string, n int) []string {
	type group struct {
		key     string
		members int
		at      []diag.Pos
	}
	groups := map[string]*group{}
	for _, l := range r.tally.Losses {
		if l.Cause != cause {
			continue
		}
		k := l.Type + "." + l.Member
		g := groups[k]
		if g == nil {
			g = &group{key: k}
			groups[k] = g
		}
		g.members += l.Members
		g.at = append(g.at, l.Pos)
	}
	list := make([]*group, 0, len(groups))
	for _, g := range groups {
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool {
		return list[i].members > list[j].members || list[i].members == list[j].members && list[i].key < list[j].key
	})
	var out []string
	for _, g := range firstGroups(list, n) {
		sort.Slice(g.at, func(i, j int) bool { return g.at[i].Before(g.at[j]) })
		var at []string
		for _, p := range g.at[:min(3, len(g.at))] {
			at = append(at, fmt.Sprintf("%s:%d", p.File, p.Line))
		}
		out = append(out, fmt.Sprintf("%5d %s (%s)", g.members, g.key, strings.Join(at, ", ")))
	}
	return out
}

func firstGroups[T any](s []T, n int) []T {
	return s[:min(n, len(s))]
}

// reachProgram decodes a callRecord with its sessions
// (callrecords-callrecord-get.md) and a getSchedule response
// (calendar-getschedule.md), each with json.Unmarshal, and prints the Go
// type of a value held by a field of a base type, and a member only the
// derived type declares, reached through a type switch on the decoded
// values, with no second decoding.
const reachProgram = `// Command reach prints the Go types of derived values in decoded responses.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	v1 "example.com/corpus/v1"
)

func main() {
	callRecord, err := os.ReadFile(os.Args[1])
	check(err)
	var r v1.CallRecord
	check(json.Unmarshal(callRecord, &r))
	caller := *(*r.Sessions.Value())[0].Caller.Value()
	switch c := caller.(type) {
	case *v1.ParticipantEndpoint:
		// identitySet and identity have derived types too: AsIdentitySet
		// and AsIdentity read the members of the base whatever the type.
		user := (*(*c.Identity.Value()).AsIdentitySet().User.Value()).AsIdentity()
		fmt.Printf("%T %s\n", c, *user.DisplayName.Value())
	default:
		fmt.Printf("%T\n", c)
	}

	schedule, err := os.ReadFile(os.Args[2])
	check(err)
	var page v1.Collection[v1.ScheduleInformation]
	check(json.Unmarshal(schedule, &page))
	for _, info := range page.Value {
		switch z := (*(*info.WorkingHours.Value()).TimeZone.Value()).(type) {
		case *v1.CustomTimeZone:
			fmt.Printf("%T %d\n", z, *z.Bias.Value())
		case *v1.TimeZoneBase:
			fmt.Printf("%T %s\n", z, *z.Name.Value())
		default:
			fmt.Printf("%T\n", z)
		}
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
`

// checkDerivedValuesReachable runs reachProgram on the examples of the
// issue's two cases: a participantEndpoint held as a callRecords endpoint,
// and a customTimeZone held as a timeZoneBase, must be values of their own
// Go types once the response is decoded.
func checkDerivedValuesReachable(t *testing.T, goCmd, dir string, exs []*example) {
	t.Helper()
	body := func(file, member string) string {
		for _, x := range exs {
			if b := jsonBody(x.ex); x.file == file && b != nil && strings.Contains(string(encodeJSON(b)), member) {
				p := filepath.Join(dir, file+".json")
				if err := os.WriteFile(p, encodeJSON(b), 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			}
		}
		t.Fatalf("no response example of %s holding %s", file, member)
		return ""
	}
	callRecord := body("callrecords-callrecord-get.md", `"sessions"`)
	schedule := body("calendar-getschedule.md", `"#microsoft.graph.customTimeZone"`)
	src := filepath.Join(dir, "reach", "main.go")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, []byte(reachProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	run := exec.Command(goCmd, "run", "./reach", callRecord, schedule)
	run.Dir = dir
	run.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("running the reach program: %v\n%s", err, out)
	}
	// The first schedule's time zone names no type, the second's
	// customTimeZone.
	want := "*v1.ParticipantEndpoint Abbie Wilkins\n*v1.TimeZoneBase Pacific Standard Time\n*v1.CustomTimeZone 480\n"
	if string(out) != want {
		t.Errorf("derived values in decoded responses:\n%s\nwant:\n%s", out, want)
	}
}
