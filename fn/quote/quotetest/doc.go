// Package quotetest reads back what package quote writes, for tests: it
// splits a command line into words as a POSIX shell would, and shows the
// text of a line that no quotes protect.
package quotetest
