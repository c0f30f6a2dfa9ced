package reader

import (
	"bytes"
	"math/bits"

	"github.com/graphgen/graphgen/generator/diag"
)

// The limits below keep a pathological page from taking the machine down.
// goldmark is linear on ordinary Markdown but not on every input: deeply
// nested block quotes and lists cost time quadratic in the depth; a
// paragraph full of unclosed "[x](" or "[x](y \"" costs time proportional to
// the number of brackets times the paragraph's size; each run of '*' or '_'
// that can close emphasis walks back over every delimiter still open in its
// paragraph, as goldmark keeps no bottom per kind of delimiter (the
// "openers_bottom" of the CommonMark reference), so a paragraph of "*a_ "
// costs time quadratic in its delimiters; and a run of backticks that closes
// no code span is followed to the end of its paragraph, so a paragraph of
// runs of many different lengths costs their number times its size. Each
// limit is far above anything the 4,173 real pages come near, and a page
// over one is reported, not parsed.
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

	// maxInlineCostPerByte and maxInlineCostBase bound the emphasis and the
	// code span costs (see inlineCost) of a page of n bytes to
	// maxInlineCostPerByte*n + maxInlineCostBase steps each, so that the
	// time goldmark spends on them is linear in the size of the page: at
	// most about a second for an 8 MiB page. The base, a millisecond's
	// work, spares short pages dense with emphasis, which the estimate
	// overrates. Real pages score at most 0.8 a byte for emphasis
	// (entitlementmanagement-root.md) and 3.3 for code spans
	// (planner-order-hint-format.md).
	maxInlineCostPerByte = 32
	maxInlineCostBase    = 1 << 16
)

// CheckLimits reports the first limit src breaks, if any. It looks at bytes,
// not Markdown: it only estimates what parsing would cost. A paragraph is
// estimated by the run of lines it lies in between blank lines and code
// fences, which holds it whole, as both end a paragraph; the cells of a
// table are parsed one by one, and cost less than their run.
func CheckLimits(src []byte, lines *diag.Lines) (diag.Diagnostic, bool) {
	var cost, runBrackets, runBytes, runLines, worst, worstStart int
	var ic inlineCost
	runStart := 0
	endRun := func() {
		c := runBrackets * runBytes
		cost += c
		if c > worst {
			worst, worstStart = c, runStart
		}
		ic.endRun(runStart, runBytes, runLines)
		runBrackets, runBytes, runLines = 0, 0, 0
	}
	var code codeBlocks
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
		switch {
		case code.skip(line, off == 0):
			// Fenced code: goldmark parses no inline markup in it.
			endRun()
		case len(bytes.TrimSpace(line)) == 0 || isCodeFence(line):
			endRun()
		default:
			if runBytes == 0 {
				runStart = off
			}
			runBrackets += bytes.Count(line, []byte{'['})
			runBytes += len(line) + 1
			runLines++
			ic.line(line)
		}
		off = end + 1
	}
	endRun()
	if cost > maxBracketCost {
		return diag.New(lines.Pos(worstStart), diag.CodeTooComplex, "page has too many '[' in long paragraphs to parse in bounded time (cost %d, limit %d): want blank lines between paragraphs or fewer brackets", cost, maxBracketCost), true
	}
	limit := maxInlineCostPerByte*len(src) + maxInlineCostBase
	if ic.emphasis > limit {
		return diag.New(lines.Pos(ic.worstEmphasisStart), diag.CodeTooComplex, "page has too many runs of '*' or '_' in long paragraphs to parse in bounded time (cost %d, limit %d for its %d bytes): want blank lines between paragraphs or less emphasis", ic.emphasis, limit, len(src)), true
	}
	if ic.codeSpans > limit {
		return diag.New(lines.Pos(ic.worstCodeStart), diag.CodeTooComplex, "page has backtick runs in long paragraphs that cost too much to parse in bounded time (cost %d, limit %d for its %d bytes): want blank lines between paragraphs, or each code span closed by a run of as many backticks", ic.codeSpans, limit, len(src)), true
	}
	return diag.Diagnostic{}, false
}

// inlineCost estimates, run of non-blank lines by run, what goldmark's
// emphasis and code span parsers cost.
//
// Emphasis: each run of '*' or '_' that can close walks back over the runs
// left in its paragraph's delimiter list, so a paragraph costs up to the
// number of runs that may close times the number that may stay in the
// list. Two kinds of run are told apart from their neighbours alone, with
// goldmark's flanking rules: a run with a letter or digit before it and
// white space or the end of the line after it ("snake_ case") only closes,
// and finding nothing to close it leaves the list at once, unless some run
// of the paragraph may open; an underscore run between letters or digits
// ("snake_case") neither opens nor closes, and stays.
//
// Code spans: a run of k backticks is followed to the next run of exactly
// k, or to the end of the paragraph when there is none, and each line on
// the way costs a node, as much as lineCost bytes. Only the last run of
// each length can find none, so a paragraph costs at most its size, lines
// weighed, times the number of different lengths of its runs.
type inlineCost struct {
	emphasis, codeSpans                int
	worstEmphasis, worstCode           int
	worstEmphasisStart, worstCodeStart int

	// The runs of '*' or '_' in the current run of lines, by kind.
	closeOnly, inert, other int
	// The lengths of its backtick runs: up to 64 as bits, longer in the
	// map, which real pages never need.
	shortTicks uint64
	longTicks  map[int]bool
}

// line adds a line of the current run of non-blank lines. Each kind of
// run is looked for on its own, with bytes.IndexByte, as what is counted
// does not depend on their order.
func (ic *inlineCost) line(line []byte) {
	for _, c := range [...]byte{'*', '_', '`'} {
		for i := 0; ; {
			j := bytes.IndexByte(line[i:], c)
			if j < 0 {
				break
			}
			i += j
			k := i + 1
			for k < len(line) && line[k] == c {
				k++
			}
			alnumBefore := i > 0 && isAlnum(line[i-1])
			switch {
			case c == '`' && k-i <= 64:
				ic.shortTicks |= 1 << (k - i - 1)
			case c == '`':
				if ic.longTicks == nil {
					ic.longTicks = map[int]bool{}
				}
				ic.longTicks[k-i] = true
			case alnumBefore && (k == len(line) || line[k] == ' ' || line[k] == '\t'):
				ic.closeOnly++
			case c == '_' && alnumBefore && k < len(line) && isAlnum(line[k]):
				ic.inert++
			default:
				ic.other++
			}
			i = k
		}
	}
}

// lineCost is what a line costs goldmark's search for the closer of a code
// span, counted in bytes: a text node, allocated and dropped, 900 ns and
// 670 bytes where a byte is a few nanoseconds. (A backtick left open above
// 4 million short lines costs 3.5 s and 2.7 GB.)
const lineCost = 256

// endRun ends the current run of lines, which started at offset start and
// is size bytes and lines lines long.
func (ic *inlineCost) endRun(start, size, lines int) {
	closers, stay := ic.closeOnly+ic.other, ic.inert+ic.other
	if ic.other > 0 {
		stay += ic.closeOnly
	}
	e := ic.closeOnly + ic.inert + ic.other + closers*stay
	c := (bits.OnesCount64(ic.shortTicks) + len(ic.longTicks)) * (size + lineCost*lines)
	ic.emphasis += e
	ic.codeSpans += c
	if e > ic.worstEmphasis {
		ic.worstEmphasis, ic.worstEmphasisStart = e, start
	}
	if c > ic.worstCode {
		ic.worstCode, ic.worstCodeStart = c, start
	}
	ic.closeOnly, ic.inert, ic.other = 0, 0, 0
	ic.shortTicks = 0
	clear(ic.longTicks)
}

// isCodeFence reports whether line surely opens or closes a code fence of
// backticks: up to three spaces, three backticks or more, and no other
// backtick. Such a line ends any paragraph, as a blank line does, and the
// lines it fences are not parsed for inline markup.
func isCodeFence(line []byte) bool {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	j := i
	for j < len(line) && line[j] == '`' {
		j++
	}
	return j-i >= 3 && bytes.IndexByte(line[j:], '`') < 0
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
