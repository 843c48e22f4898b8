/**
 * The registry's read models in MongoDB, written only by projections of the registry topic: organisations, members
 * (sealed values kept as published, dropped on erasure) and the registers. Each document follows one aggregate and
 * keeps the sequence of the last event applied, so redelivery and replays change nothing.
 */
package cn.changning.governance.partyregistry.projection;
