package dev.kafkaworkbook.operations;

/** Given: what a consumer group is doing, as an operator tells it (exercise 4.2). */
public enum GroupPhase {
    /** Every member has its partitions and is reading them. */
    STABLE,
    /** Members are joining or leaving and the partitions are being handed out again: nobody reads meanwhile. */
    REBALANCING,
    /** No member: the group only keeps its committed offsets. */
    EMPTY,
    /** The cluster knows no such group. */
    GONE
}
