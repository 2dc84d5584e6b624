// Package entityoperator renders spec.entityOperator of a Kafka as Strimzi
// 1.2.0 does: one Deployment running the Topic Operator and the User
// Operator, with their ServiceAccount, Roles, RoleBindings, logging
// ConfigMaps, NetworkPolicy and PodDisruptionBudget (Strimzi's
// EntityOperator, EntityTopicOperator and EntityUserOperator, and
// EntityOperatorReconciler for which objects exist where).
package entityoperator
