package reader

import (
	"bytes"

	"github.com/graphgen/graphgen/generator/diag"
)

// The limits below keep a pathological page from taking the machine down.
// goldmark is linear on ordinary Markdown but not on every input: deeply
// nested block quotes and lists cost time quadratic in the depth, and a
// paragraph full of unclosed "[x](" or "[x](y \"" costs time proportional to
// the number of brackets times the paragraph's size. Each limit is far above
// anything the 4,173 real pages come near, and a page over one is reported,
// not parsed.
const (
	// MaxSize is the largest page Read parses. The largest real page is
	// 87 KB.
	MaxSize = 8 << 20

	// maxPrefix is the widest run of indentation, block-quote markers and
	// list markers a line may start with. Real pages reach 74 bytes, in
	// indented JSON.
	maxPrefix = 256

	// maxBracketCost bounds, over the page, the sum for each run of
	// non-blank lines of its '[' count times its length in bytes. The
	// costliest real page (intune-device-cfg-conceptual.md) scores 3.4e7.
	// At the limit goldmark takes under a second on the worst input found.
	maxBracketCost = 1 << 32
)

// checkLimits reports the first limit src breaks, if any. It looks at bytes,
// not Markdown: it only estimates what parsing would cost.
func checkLimits(src []byte, lines *diag.Lines) (diag.Diagnostic, bool) {
	var cost, runBrackets, runBytes, worst, worstStart int
	runStart := 0
	endRun := func() {
		c := runBrackets * runBytes
		cost += c
		if c > worst {
			worst, worstStart = c, runStart
		}
		runBrackets, runBytes = 0, 0
	}
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		if w := prefixWidth(line); w > maxPrefix {
			return diag.New(lines.Pos(off), diag.CodeTooDeep, "line starts with %d bytes of indentation and block-quote or list markers, more than the limit of %d", w, maxPrefix), true
		}
		if len(bytes.TrimSpace(line)) == 0 {
			endRun()
		} else {
			if runBytes == 0 {
				runStart = off
			}
			runBrackets += bytes.Count(line, []byte{'['})
			runBytes += len(line) + 1
		}
		off = end + 1
	}
	endRun()
	if cost > maxBracketCost {
		return diag.New(lines.Pos(worstStart), diag.CodeTooComplex, "page has too many '[' in long paragraphs to parse in bounded time (cost %d, limit %d): want blank lines between paragraphs or fewer brackets", cost, maxBracketCost), true
	}
	return diag.Diagnostic{}, false
}

// prefixWidth returns the length of the run of spaces, tabs, '>' and list
// markers ("-", "*", "+", "1.", "1)" followed by a space) at the start of
// line: the bytes goldmark reads to decide how deep the line is nested.
func prefixWidth(line []byte) int {
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '>':
			i++
			continue
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
				i += 2
				continue
			}
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				i = j + 2
				continue
			}
		}
		break
	}
	return i
}
