package generator_test

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/model"
)

// BenchmarkCodec measures the codec of the generated whole-corpus v1.0
// package against encoding/json on plain structs of the same shape, as a
// user of oapi-codegen has them: a pointer field with omitempty for each
// property, []T for a collection, string for an enum and for the Edm
// types that are strings (Date, TimeOfDay, Duration), time.Time for a
// DateTimeOffset, as oapi-codegen writes a date-time. It takes the two in
// turns and reports the ratio of their times, so that a machine whose
// speed drifts slows both alike:
//
//	go test ./generator -run '^$' -bench BenchmarkCodec -benchtime 20x
//
// Each sub-benchmark is one payload and one direction, through the entry
// points a user calls: json.Unmarshal and json.Marshal on both sides
// (decode, encode), and the package's own Unmarshal and Marshal on the
// generated side, which spare encoding/json's scans of the whole input
// before UnmarshalJSON and of the output of MarshalJSON (decode-direct,
// encode-direct). b.N is the number of turns; each turn runs a batch of
// calls of each side, of about 20 ms, from a collected heap. The metrics:
// x-plain, the generated side's time over the plain side's; ns/op and
// plain-ns/op, the time of one call of each; gen-allocs/op,
// plain-allocs/op, gen-B/op and plain-B/op.
//
// The payloads are made from the model, the same data on both sides:
// 1,000 users as the body of GET /users ({"@odata.context", "value"}),
// about 6.7 MB; 1,000 messages as that of GET /me/messages, about 3.4 MB;
// one inviteParticipantsOperation. Every property that is not a
// relationship is set, nested values included, to three levels.
//
// The generated package, the plain structs and the benchmark are written
// into a temporary module (or GRAPHGEN_CODECBENCH_DIR, which is kept, to
// profile it), whose test binary runs once per sub-benchmark.
func BenchmarkCodec(b *testing.B) {
	resources := corpus(b, "v1.0")
	goCmd, err := exec.LookPath("go")
	if err != nil {
		b.Skipf("the go command is needed to build the generated package: %v", err)
	}
	res, err := generator.Generate(os.DirFS(resources), resources, generator.Options{Package: "v1"})
	if err != nil {
		b.Fatal(err)
	}
	// GRAPHGEN_CODECBENCH_DIR keeps the module, to profile it there.
	mod := os.Getenv("GRAPHGEN_CODECBENCH_DIR")
	if mod == "" {
		mod = b.TempDir()
	}
	writeCodecBenchModule(b, mod, res)
	bin := filepath.Join(mod, "codecbench.test")
	build := exec.Command(goCmd, "test", "-c", "-o", bin, ".")
	build.Dir = mod
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the benchmark module: %v\n%s", err, out)
	}
	for _, p := range []string{"users", "messages", "operation"} {
		for _, dir := range []string{"decode", "encode", "decode-direct", "encode-direct"} {
			b.Run(p+"/"+dir, func(b *testing.B) {
				run := exec.Command(bin, "-test.run", "^$", "-test.bench", "^BenchmarkRatio/"+p+"/"+dir+"$",
					"-test.benchtime", fmt.Sprintf("%dx", b.N))
				run.Dir = mod
				out, err := run.CombinedOutput()
				if err != nil {
					b.Fatalf("running the benchmark module: %v\n%s", err, out)
				}
				metrics := benchMetrics(string(out))
				if len(metrics) == 0 {
					b.Fatalf("no result from the benchmark module:\n%s", out)
				}
				for unit, v := range metrics {
					b.ReportMetric(v, unit)
				}
			})
		}
	}
}

// benchMetrics returns the metrics of the one result line of out.
func benchMetrics(out string) map[string]float64 {
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkRatio/") {
			continue
		}
		m := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err == nil {
				m[f[i+1]] = v
			}
		}
		return m
	}
	return nil
}

// writeCodecBenchModule writes, into dir, a module holding the generated
// package (without its tests), the plain structs in package plain, the
// payloads, and the benchmark.
func writeCodecBenchModule(tb testing.TB, dir string, res *generator.Result) {
	tb.Helper()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("go.mod", []byte("module example.com/codecbench\n\ngo 1.25\n"))
	for name, data := range res.Files {
		if !strings.HasSuffix(name, "_test.go") {
			write(filepath.Join("v1", name), data)
		}
	}
	write(filepath.Join("plain", "plain.go"), plainStructs(res.Model))
	byName := map[string]*model.Struct{}
	for _, s := range res.Model.Structs {
		byName[s.WireName] = s
	}
	types := map[string]string{} // payload → Go type of the generated side
	for _, p := range []struct {
		name, wire string
		n          int
	}{
		{"users", "microsoft.graph.user", 1000},
		{"messages", "microsoft.graph.message", 1000},
		{"operation", "microsoft.graph.inviteParticipantsOperation", 0},
	} {
		s := byName[p.wire]
		if s == nil {
			tb.Skipf("the corpus declares no %s", p.wire)
		}
		g := &synth{}
		var buf bytes.Buffer
		elem := s.Name
		if s.Interface != "" {
			elem = s.Interface
		}
		if p.n == 0 {
			g.object(&buf, s, 0)
			types[p.name] = s.Name
		} else {
			fmt.Fprintf(&buf, `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#%ss","value":[`, s.Name)
			for i := range p.n {
				if i > 0 {
					buf.WriteByte(',')
				}
				g.object(&buf, s, 0)
			}
			buf.WriteString("]}")
			types[p.name] = "Collection[v1." + elem + "]"
		}
		write(filepath.Join("testdata", p.name+".json"), buf.Bytes())
		tb.Logf("%s: %d bytes", p.name, buf.Len())
	}
	src := strings.NewReplacer(
		"USERS", types["users"], "MESSAGES", types["messages"], "OPERATION", "v1."+types["operation"],
		"PLAINOP", "plain."+types["operation"],
		"PLAINUSER", "plain."+byName["microsoft.graph.user"].Name,
		"PLAINMESSAGE", "plain."+byName["microsoft.graph.message"].Name,
	).Replace(codecBenchSource)
	write("bench_test.go", []byte(src))
}

// plainStructs returns the source of package plain: a struct for each
// struct of m, with the fields of its bases, as encoding/json users write
// them.
func plainStructs(m *model.Package) []byte {
	var b bytes.Buffer
	b.WriteString("// Package plain has the types of the generated package as plain structs.\npackage plain\n\n")
	b.WriteString("import (\n\t\"encoding/json\"\n\t\"time\"\n)\n\nvar _ json.Number\nvar _ time.Time\n\n")
	structs := append([]*model.Struct(nil), m.Structs...)
	sort.Slice(structs, func(i, j int) bool { return structs[i].Name < structs[j].Name })
	for _, s := range structs {
		fmt.Fprintf(&b, "type %s struct {\n", s.Name)
		if hasODataType(s) {
			b.WriteString("\tODataType *string `json:\"@odata.type,omitempty\"`\n")
		}
		for _, f := range s.AllFields() {
			fmt.Fprintf(&b, "\t%s %s `json:%q`\n", f.Name, plainType(f.Type), f.JSONName+",omitempty")
		}
		b.WriteString("}\n\n")
	}
	return b.Bytes()
}

// hasODataType reports whether s or a base carries "@odata.type".
func hasODataType(s *model.Struct) bool {
	for t := s; t != nil; t = t.Base {
		if t.HasODataType {
			return true
		}
	}
	return false
}

// plainType returns the Go type of a field of type t in package plain.
func plainType(t model.TypeRef) string {
	var elem string
	switch t.Kind {
	case model.KindEnum:
		elem = "string"
	case model.KindStruct:
		elem = t.Struct.Name
	case model.KindRaw:
		return "json.RawMessage"
	default:
		switch t.Primitive {
		case model.Boolean:
			elem = "bool"
		case model.Byte:
			elem = "uint8"
			if t.Collection {
				elem = "int"
			}
		case model.Int16:
			elem = "int16"
		case model.Int32:
			elem = "int32"
		case model.Int64:
			elem = "int64"
		case model.Single:
			elem = "float32"
		case model.Double:
			elem = "float64"
		case model.Decimal:
			elem = "json.Number"
		case model.DateTimeOffset:
			elem = "time.Time"
		case model.Binary:
			elem = "[]byte"
		case model.Stream, model.JSON:
			return "json.RawMessage"
		default:
			elem = "string"
		}
	}
	switch {
	case t.Collection:
		return "[]" + elem
	case elem == "[]byte":
		return elem
	}
	return "*" + elem
}

// synth writes values of the model's types as JSON, deterministically,
// each differing from the one before.
type synth struct {
	n int
}

// maxSynthDepth is the deepest level of nested objects written.
const maxSynthDepth = 3

// object writes a value of s, nested depth levels deep.
func (g *synth) object(b *bytes.Buffer, s *model.Struct, depth int) {
	b.WriteByte('{')
	first := true
	for _, f := range s.AllFields() {
		if f.Relationship || f.Type.Kind == model.KindStruct && depth+1 >= maxSynthDepth {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		fmt.Fprintf(b, "%q:", f.JSONName)
		if !f.Type.Collection {
			g.value(b, f, depth)
			continue
		}
		b.WriteByte('[')
		for i := range 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			g.value(b, f, depth)
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
}

// value writes one value of the type of f.
func (g *synth) value(b *bytes.Buffer, f *model.Field, depth int) {
	g.n++
	n := g.n
	t := f.Type
	switch t.Kind {
	case model.KindEnum:
		if len(t.Enum.Members) == 0 {
			b.WriteString(`"unknownFutureValue"`)
			return
		}
		fmt.Fprintf(b, "%q", t.Enum.Members[n%len(t.Enum.Members)].Value)
		return
	case model.KindStruct:
		g.object(b, t.Struct, depth+1)
		return
	case model.KindRaw:
		fmt.Fprintf(b, `{"k":%d,"v":["a","b"]}`, n)
		return
	}
	switch t.Primitive {
	case model.Boolean:
		b.WriteString(strconv.FormatBool(n%2 == 0))
	case model.Byte:
		fmt.Fprint(b, n%256)
	case model.Int16:
		fmt.Fprint(b, n%30000)
	case model.Int32, model.Int64:
		fmt.Fprint(b, n*7919)
	case model.Single, model.Double:
		fmt.Fprint(b, float64(n)/8)
	case model.Decimal:
		fmt.Fprintf(b, "%d.%02d", n, n%100)
	case model.DateTimeOffset:
		fmt.Fprintf(b, `"2024-%02d-%02dT%02d:%02d:%02dZ"`, 1+n%12, 1+n%28, n%24, n%60, n%60)
	case model.Date:
		fmt.Fprintf(b, `"2024-%02d-%02d"`, 1+n%12, 1+n%28)
	case model.TimeOfDay:
		fmt.Fprintf(b, `"%02d:%02d:00"`, n%24, n%60)
	case model.Duration:
		fmt.Fprintf(b, `"PT%dH%dM"`, n%24, n%60)
	case model.Binary:
		fmt.Fprintf(b, "%q", base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("binary content %d", n))))
	case model.Stream, model.JSON:
		fmt.Fprintf(b, `{"k":%d}`, n)
	case model.Guid:
		fmt.Fprintf(b, `"%08x-%04x-4%03x-8%03x-%012x"`, n*2654435761%(1<<32), n%65536, n%4096, n%4096, n*40503)
	default:
		b.WriteString(synthString(f, n))
	}
}

// synthString returns a JSON string for the string property f: HTML for
// a "content", as a message body is; else text as the API returns, some
// of it escaped.
func synthString(f *model.Field, n int) string {
	if f.JSONName == "content" {
		return strconv.Quote(fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>`+
			`<body><div dir="ltr"><p>Hello,</p><p>Here is the agenda for meeting %d: the budget, the plan for the quarter `+
			`and what is left of last week's items. Let me know if anything is missing & I'll add it.</p>`+
			`<p>Thanks,<br>Megan Bowen</p></div></body></html>`, n))
	}
	switch n % 5 {
	case 0:
		return strconv.Quote(fmt.Sprintf("%s value %d, écrit à Paris", f.JSONName, n))
	case 1:
		return strconv.Quote(fmt.Sprintf("MeganB%d@contoso.onmicrosoft.com", n))
	case 2:
		return strconv.Quote(fmt.Sprintf("Line one of %s\nline \"two\" %d", f.JSONName, n))
	}
	return strconv.Quote(fmt.Sprintf("%s-%d", f.JSONName, n))
}

// codecBenchSource is the benchmark of the module, with the names of the
// types of the payloads to be replaced.
const codecBenchSource = `package codecbench

import (
	"encoding/json"
	"os"
	"reflect"
	"runtime"
	"testing"
	"time"

	"example.com/codecbench/plain"
	v1 "example.com/codecbench/v1"
)

// plainPage is a collection response of plain structs.
type plainPage[T any] struct {
	ODataContext *string ` + "`json:\"@odata.context,omitempty\"`" + `
	Value        []T     ` + "`json:\"value\"`" + `
}

type payload struct {
	name            string
	newGen, newPlain func() any
}

var payloads = []payload{
	{"users", func() any { return new(v1.USERS) }, func() any { return new(plainPage[PLAINUSER]) }},
	{"messages", func() any { return new(v1.MESSAGES) }, func() any { return new(plainPage[PLAINMESSAGE]) }},
	{"operation", func() any { return new(OPERATION) }, func() any { return new(PLAINOP) }},
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// BenchmarkRatio takes the generated side and the plain side in turns.
func BenchmarkRatio(b *testing.B) {
	for _, p := range payloads {
		data, err := os.ReadFile("testdata/" + p.name + ".json")
		must(err)
		gen, pl := p.newGen(), p.newPlain()
		must(json.Unmarshal(data, gen))
		must(json.Unmarshal(data, pl))
		sameData(b, p.name, gen, pl)
		b.Run(p.name+"/decode", func(b *testing.B) {
			turns(b, func() { must(json.Unmarshal(data, p.newGen())) }, func() { must(json.Unmarshal(data, p.newPlain())) })
		})
		b.Run(p.name+"/encode", func(b *testing.B) {
			turns(b, func() { _, err := json.Marshal(gen); must(err) }, func() { _, err := json.Marshal(pl); must(err) })
		})
		b.Run(p.name+"/decode-direct", func(b *testing.B) {
			turns(b, func() { must(v1.Unmarshal(data, p.newGen())) }, func() { must(json.Unmarshal(data, p.newPlain())) })
		})
		b.Run(p.name+"/encode-direct", func(b *testing.B) {
			turns(b, func() { _, err := v1.Marshal(gen); must(err) }, func() { _, err := json.Marshal(pl); must(err) })
		})
	}
}

// sameData fails unless both sides encode the same JSON, as generic values,
// and the package's Marshal writes what json.Marshal does, byte for byte.
func sameData(b *testing.B, name string, gen, pl any) {
	g, err := json.Marshal(gen)
	must(err)
	p, err := json.Marshal(pl)
	must(err)
	var x, y any
	must(json.Unmarshal(g, &x))
	must(json.Unmarshal(p, &y))
	if !reflect.DeepEqual(x, y) {
		b.Fatalf("%s: the two sides hold different data", name)
	}
	direct, err := v1.Marshal(gen)
	must(err)
	if string(direct) != string(g) {
		b.Fatalf("%s: Marshal and json.Marshal differ", name)
	}
}

// cost is what one side took over the turns.
type cost struct {
	t              time.Duration
	mallocs, bytes uint64
}

// turns runs gen and plain in turns, b.N times each a batch of about 20 ms,
// each from a collected heap, the first of the two alternating.
func turns(b *testing.B, gen, plain func()) {
	t0 := time.Now()
	plain()
	batch := max(1, int(20*time.Millisecond/max(time.Since(t0), 1)))
	var g, p cost
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			g.add(gen, batch)
			p.add(plain, batch)
		} else {
			p.add(plain, batch)
			g.add(gen, batch)
		}
	}
	calls := float64(b.N * batch)
	b.ReportMetric(float64(g.t)/float64(p.t), "x-plain")
	b.ReportMetric(float64(g.t.Nanoseconds())/calls, "ns/op")
	b.ReportMetric(float64(p.t.Nanoseconds())/calls, "plain-ns/op")
	b.ReportMetric(float64(g.mallocs)/calls, "gen-allocs/op")
	b.ReportMetric(float64(p.mallocs)/calls, "plain-allocs/op")
	b.ReportMetric(float64(g.bytes)/calls, "gen-B/op")
	b.ReportMetric(float64(p.bytes)/calls, "plain-B/op")
}

func (c *cost) add(f func(), batch int) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	for range batch {
		f()
	}
	c.t += time.Since(t0)
	runtime.ReadMemStats(&after)
	c.mallocs += after.Mallocs - before.Mallocs
	c.bytes += after.TotalAlloc - before.TotalAlloc
}
`
