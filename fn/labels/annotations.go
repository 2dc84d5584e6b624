package labels

// AnnoConnectBuildRevision holds the Connect Build revision on the build
// pod and on the Connect StrimziPodSet and pods
// (Annotations.STRIMZI_IO_CONNECT_BUILD_REVISION).
const AnnoConnectBuildRevision = "strimzi.io/connect-build-revision"
