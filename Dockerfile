# The strimzi-render function image. It builds with no registry access:
# `make image` (or .ci/run) first builds the static binary into bin/.
# kustomize and kpt run function containers as --user nobody, so the image
# carries a passwd entry for it; it also runs as that numeric user by default.
FROM scratch
# OCI labels; the Makefile passes the values (image-labels).
ARG TITLE
ARG VERSION
ARG REVISION
ARG SOURCE
ARG LICENSES
LABEL org.opencontainers.image.title=$TITLE \
      org.opencontainers.image.version=$VERSION \
      org.opencontainers.image.revision=$REVISION \
      org.opencontainers.image.source=$SOURCE \
      org.opencontainers.image.licenses=$LICENSES
COPY config/image/passwd /etc/passwd
COPY config/image/group /etc/group
COPY bin/strimzi-render /usr/local/bin/strimzi-render
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/strimzi-render"]
