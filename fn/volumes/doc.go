// Package volumes holds the volume and mount rules Kafka and Connect pods
// share: Strimzi's own volumes, plugin image volumes, and the additional and
// templated volumes users add through templates, with their validation.
package volumes
