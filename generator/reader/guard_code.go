package reader

import (
	"bytes"
)

// codeBlocks follows, line by line, the fenced code blocks of a page that
// goldmark surely parses as such, so that the guard does not weigh as
// paragraphs the lines they hold, which goldmark parses for no inline
// markup: a method page's example of a few megabytes of JSON is not a
// paragraph full of '['.
//
// It must never take for code a line goldmark parses as a paragraph, or a
// costly paragraph would pass unweighed; taking code for a paragraph only
// weighs too much. So a fence is taken to open only where no container and
// no raw block can hold it: at the start of a line, after a blank line (or
// at the start of the page), outside front matter and outside what may be
// an HTML block that spans blank lines (a comment, <script>, <pre>,
// <style>, <textarea>, <?…?>, <!…>, <![CDATA[…]]>), wherever such a block
// may start on a line. A blank line ends any list item, block quote or
// other HTML block that a line at the start of the next line does not
// continue, so such a fence is at the top level, where it ends only at its
// closing fence or at the end of the page.
type codeBlocks struct {
	fenceChar  byte // '`' or '~' while in a fence, else 0
	fenceLen   int
	rawEnd     []byte // the end marker of the raw HTML block being skipped over
	afterBlank bool   // the previous line was blank
	front      bool   // in front matter opened on the first line
}

// skip reports whether line, the next line of the page, is a line of a
// fenced code block, its opening or closing fence included.
func (c *codeBlocks) skip(line []byte, first bool) bool {
	blank := len(bytes.TrimSpace(line)) == 0
	defer func() { c.afterBlank = blank }()
	switch {
	case c.fenceChar != 0:
		if closesFence(line, c.fenceChar, c.fenceLen) {
			c.fenceChar = 0
		}
		return true
	case first && string(bytes.TrimRight(line, " \t\r")) == "---":
		c.front = true
		return false
	case c.front:
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			c.front = false
		}
		return false
	case c.rawEnd != nil:
		if containsFold(line, c.rawEnd) {
			c.rawEnd = nil
		}
		return false
	}
	if end := rawHTMLEnd(line); end != nil {
		if !containsFold(line[bytes.IndexByte(line, '<'):], end) {
			c.rawEnd = end
		}
		return false
	}
	if (c.afterBlank || first) && len(line) >= 3 && (line[0] == '`' || line[0] == '~') {
		ch := line[0]
		n := 0
		for n < len(line) && line[n] == ch {
			n++
		}
		// A backtick fence's info string may not hold a backtick.
		if n >= 3 && (ch == '~' || bytes.IndexByte(line[n:], '`') < 0) {
			c.fenceChar, c.fenceLen = ch, n
			return true
		}
	}
	return false
}

// closesFence reports whether line closes a fence of n or more ch: up to
// three spaces, at least n of ch, then white space only.
func closesFence(line []byte, ch byte, n int) bool {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	j := i
	for j < len(line) && line[j] == ch {
		j++
	}
	return j-i >= n && len(bytes.TrimSpace(line[j:])) == 0
}

// rawHTMLEnd returns the end marker, lower case, of the HTML block that may
// start on line, of the kinds that blank lines do not end, or nil. It
// looks anywhere in the line, as a list item or block quote may hold the
// block: wrongly taking text for such a block only stops a fence from
// being taken for one.
func rawHTMLEnd(line []byte) []byte {
	i := bytes.IndexByte(line, '<')
	if i < 0 {
		return nil
	}
	lower := bytes.ToLower(line[i:])
	for _, k := range []struct{ start, end string }{
		{"<!--", "-->"},
		{"<script", "</script>"},
		{"<pre", "</pre>"},
		{"<style", "</style>"},
		{"<textarea", "</textarea>"},
		{"<![cdata[", "]]>"},
		{"<?", "?>"},
		{"<!", ">"},
	} {
		if bytes.Contains(lower, []byte(k.start)) {
			return []byte(k.end)
		}
	}
	return nil
}

// containsFold reports whether line holds lower, a lower-case ASCII
// marker, in any case, without copying a line that cannot hold it.
func containsFold(line, lower []byte) bool {
	if bytes.IndexByte(line, lower[len(lower)-1]) < 0 {
		return false
	}
	return bytes.Contains(bytes.ToLower(line), lower)
}
