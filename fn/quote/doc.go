// Package quote is the one place where user strings enter generated text:
// shell words in Dockerfile RUN lines and in the build container's script,
// and XML text in the Maven settings file. Reviewing this package and its
// callers covers injection.
package quote
