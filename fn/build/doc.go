// Package build models the Kafka Connect Build of a KafkaConnect
// (.spec.build): the Dockerfile Strimzi generates, the build revision, the
// allowed builder options, the Buildah and Kaniko container arguments, and
// the validation Strimzi applies. Its input is a plain Build value that the
// caller fills from the custom resource and the operator configuration; the
// package does not decode resources or create Kubernetes objects.
package build
