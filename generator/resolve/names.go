package resolve

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are written in capitals in Go names, as golint and the
// standard library do ("ID", "URL"), plus "OData", which Graph uses
// everywhere and which reads badly as "Odata".
var initialisms = map[string]string{
	"api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "dns": "DNS",
	"guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID",
	"ids": "IDs", "ip": "IP", "json": "JSON", "odata": "OData", "os": "OS",
	"sku": "SKU", "sms": "SMS", "sql": "SQL", "ssl": "SSL", "tcp": "TCP",
	"tls": "TLS", "ttl": "TTL", "udp": "UDP", "ui": "UI", "uri": "URI",
	"url": "URL", "urls": "URLs", "utf8": "UTF8", "uuid": "UUID", "vm": "VM",
	"xml": "XML",
}

// words splits a wire name into words at case changes and at anything that
// is not a letter or digit: "webUrl" → web, Url; "@odata.type" → odata,
// type; "a-b" → a, b; "HTTPSProxy" → HTTPS, Proxy.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			// camelCase boundary: "web|Url".
			flush(i)
			start = i
		case unicode.IsUpper(prev) && unicode.IsLower(r) && i-1 > start:
			// end of an upper-case run: "HTTPS|Proxy".
			flush(i - 1)
			start = i - 1
		}
	}
	flush(len(rs))
	return out
}

// exportedName turns a wire name into an exported Go identifier. It returns
// "" when the name has no letter or digit at all.
func exportedName(s string) string {
	name := camel(s)
	if name == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		// An identifier cannot start with a digit ("1stValue"), and letters
		// without case (CJK, say) cannot be exported on their own.
		name = "X" + name
	}
	return name
}

// camel joins the words of s, each capitalised or written as an initialism.
func camel(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			b.WriteString(up)
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[n:])
	}
	return b.String()
}

// namer hands out names that are unique within one scope. The first claim on
// a name gets it; later ones get a numeric suffix, so the outcome depends only
// on the order of claims, which callers keep sorted.
type namer struct {
	used map[string]bool
	fold bool // compare names case-insensitively (file names on macOS, Windows)
}

func newNamer(fold bool, reserved ...string) *namer {
	n := &namer{used: map[string]bool{}, fold: fold}
	for _, r := range reserved {
		n.used[n.key(r)] = true
	}
	return n
}

func (n *namer) key(s string) string {
	if n.fold {
		return strings.ToLower(s)
	}
	return s
}

// claim returns name, or name with the smallest suffix from 2 up that is
// still free, and marks the result used.
func (n *namer) claim(name string) string {
	got := name
	for i := 2; n.used[n.key(got)]; i++ {
		got = name + strconv.Itoa(i)
	}
	n.used[n.key(got)] = true
	return got
}

// taken reports whether name is already used.
func (n *namer) taken(name string) bool { return n.used[n.key(name)] }

// release frees name, which a claim returned, for claims to come.
func (n *namer) release(name string) { delete(n.used, n.key(name)) }
