// Package build models the Kafka Connect Build of a KafkaConnect
// (.spec.build): the Dockerfile Strimzi generates, the build revision, the
// allowed builder options, the Buildah and Kaniko container arguments, the
// validation Strimzi applies, and the objects that run the build once the
// bundle is applied: the Dockerfile ConfigMap, ServiceAccount and Job on
// Kubernetes, or a BuildConfig on OpenShift. Where the operator runs one
// build pod and pins the digest it pushed, the rendered build pushes a tag
// derived from the revision, which the workers run.
package build
