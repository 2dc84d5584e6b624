package build

import (
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/digest"
)

// RevisionLength is the length of a revision: two hash stubs.
const RevisionLength = 16

// Revision is the build revision, hashStub(Dockerfile) + hashStub(output
// image), which Strimzi puts in strimzi.io/connect-build-revision
// (KafkaConnectAssemblyOperator: dockerfile.hashStub() + Util.hashStub(image)).
// Additional options are not part of it, so changing them does not rebuild.
func Revision(dockerfile, outputImage string) string {
	return digest.HashStub(dockerfile) + digest.HashStub(outputImage)
}

// ContentAddressedImage is the image the Connect pods run when the build
// happens after rendering: the output image's repository tagged with the
// revision, in place of the digest Strimzi learns from the finished build.
// Any digest (from the first @) is dropped, and a tag only counts after the
// last /, so a registry port stays:
//
//	registry.example.com/org/connect:latest -> registry.example.com/org/connect:<revision>
//	host:5000/connect:1.0                   -> host:5000/connect:<revision>
//	host:5000/connect                       -> host:5000/connect:<revision>
//	connect:1.0@sha256:<hex>                -> connect:<revision>
func ContentAddressedImage(outputImage, revision string) string {
	repo, _, _ := strings.Cut(outputImage, "@")
	slash := strings.LastIndexByte(repo, '/')
	if colon := strings.LastIndexByte(repo, ':'); colon > slash {
		repo = repo[:colon]
	}
	return repo + ":" + revision
}
