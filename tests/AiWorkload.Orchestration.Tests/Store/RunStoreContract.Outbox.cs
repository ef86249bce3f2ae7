using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Tests.Store;

public abstract partial class RunStoreContract
{
    [Fact]
    public async Task Outbox_ids_are_the_new_entries_in_commit_order()
    {
        var first = await Store.CommitAsync(new RunChangeSet("one", Now) { Outbox = [Entry("a"), Entry("b")] });
        var second = await Store.CommitAsync(new RunChangeSet("two", Now.AddSeconds(1)) { Outbox = [Entry("c")] });

        var ids = first.OutboxIds.Concat(second.OutboxIds).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var pending = await Store.GetPendingOutboxAsync(10);
        Assert.Equal(ids, pending.Select(e => e.Id));
        Assert.Equal(["a", "b", "c"], pending.Select(e => e.MessageId));
        Assert.Equal([Now, Now, Now.AddSeconds(1)], pending.Select(e => e.CreatedAt));
    }

    [Fact]
    public async Task Pending_entries_come_in_commit_order_up_to_the_limit_and_by_id_only_those_still_pending()
    {
        var ids = (await Store.CommitAsync(new RunChangeSet("k", Now) { Outbox = [Entry("a"), Entry("b"), Entry("c"), Entry("d")] })).OutboxIds;
        await Store.MarkDispatchedAsync(ids[0], Now);

        Assert.Equal(["b", "c"], (await Store.GetPendingOutboxAsync(2)).Select(e => e.MessageId));
        Assert.Equal(["b", "d"], (await Store.GetPendingOutboxAsync(10, [ids[3], ids[1], ids[0]])).Select(e => e.MessageId));
        // The limit applies to the ids asked for, before those already sent are left out.
        Assert.Equal(["b"], (await Store.GetPendingOutboxAsync(2, [ids[0], ids[1], ids[2]])).Select(e => e.MessageId));
        Assert.Empty(await Store.GetPendingOutboxAsync(10, []));
        Assert.Empty(await Store.GetPendingOutboxAsync(10, [ids[0], ids[^1] + 100]));
    }

    [Fact]
    public async Task Marking_an_entry_dispatched_records_the_send_and_takes_it_out_of_the_pending_ones()
    {
        var id = (await Store.CommitAsync(new RunChangeSet("k", Now) { Outbox = [Entry("t") with { Kind = OutboxKind.Schedule, EnqueueAt = Now.AddMinutes(5) }] })).OutboxIds[0];

        await Store.MarkDispatchedAsync(id, Now.AddSeconds(2), sequenceNumber: 42, destination: "pipeline-timers");

        Assert.Empty(await Store.GetPendingOutboxAsync(10));
        var sent = (await Store.GetScheduledEntryAsync("t"))!;
        Assert.Equal((id, Now.AddSeconds(2), 42L, "pipeline-timers", false), (sent.Id, sent.DispatchedAt, sent.SequenceNumber, sent.Destination, sent.Cancelled));

        await Store.MarkDispatchedAsync(id, Now.AddSeconds(3), cancelled: true);

        var cancelled = (await Store.GetScheduledEntryAsync("t"))!;
        Assert.Equal((Now.AddSeconds(3), null, null, true), (cancelled.DispatchedAt, cancelled.SequenceNumber, cancelled.Destination, cancelled.Cancelled));
    }

    [Fact]
    public async Task The_scheduled_entry_of_a_message_id_is_the_latest_Schedule_one_sent_or_not()
    {
        var older = (await Store.CommitAsync(new RunChangeSet("one", Now) { Outbox = [Entry("t") with { Kind = OutboxKind.Schedule }] })).OutboxIds[0];
        var newer = (await Store.CommitAsync(new RunChangeSet("two", Now) { Outbox = [Entry("t") with { Kind = OutboxKind.Schedule, Payload = "newer" }] })).OutboxIds[0];
        await Store.CommitAsync(new RunChangeSet("three", Now) { Outbox = [Entry("t") with { Kind = OutboxKind.CancelScheduled }, Entry("t"), Entry("u") with { Kind = OutboxKind.Send }] });

        Assert.Equal(newer, (await Store.GetScheduledEntryAsync("t"))!.Id);
        await Store.MarkDispatchedAsync(newer, Now, 7, "q");
        var found = (await Store.GetScheduledEntryAsync("t"))!;
        Assert.Equal((newer, "newer", 7L), (found.Id, found.Payload, found.SequenceNumber));
        Assert.NotEqual(older, found.Id);
        Assert.Null(await Store.GetScheduledEntryAsync("u"));
        Assert.Null(await Store.GetScheduledEntryAsync("T"));
        Assert.Null(await Store.GetScheduledEntryAsync("missing"));
    }

    [Fact]
    public async Task The_backlog_counts_unsent_entries_and_dates_the_oldest()
    {
        Assert.Equal(new OutboxBacklog(0, null), await Store.GetOutboxBacklogAsync());
        var first = (await Store.CommitAsync(new RunChangeSet("one", Now) { Outbox = [Entry("a"), Entry("b")] })).OutboxIds;
        await Store.CommitAsync(new RunChangeSet("two", Now.AddMinutes(1)) { Outbox = [Entry("c")] });

        Assert.Equal(new OutboxBacklog(3, Now), await Store.GetOutboxBacklogAsync());
        await Store.MarkDispatchedAsync(first[0], Now.AddMinutes(2));
        await Store.MarkDispatchedAsync(first[1], Now.AddMinutes(2));
        Assert.Equal(new OutboxBacklog(1, Now.AddMinutes(1)), await Store.GetOutboxBacklogAsync());
    }

    [Fact]
    public async Task Purging_forgets_old_keys_and_sent_entries_but_keeps_unsent_and_not_yet_due_scheduled_ones()
    {
        var cut = Now.AddHours(1);
        var old = (await Store.CommitAsync(new RunChangeSet("old", Now)
        {
            Outbox = [Entry("sent"), Entry("unsent"), Entry("due") with { Kind = OutboxKind.Schedule, EnqueueAt = Now.AddMinutes(30) },
                Entry("future") with { Kind = OutboxKind.Schedule, EnqueueAt = cut.AddDays(1) }, Entry("sent-late")],
        })).OutboxIds;
        await Store.CommitAsync(new RunChangeSet("new", cut.AddMinutes(1)) { Outbox = [Entry("recent")] });
        await Store.MarkDispatchedAsync(old[0], Now.AddMinutes(1));
        await Store.MarkDispatchedAsync(old[2], Now.AddMinutes(1), 1, "q");
        await Store.MarkDispatchedAsync(old[3], Now.AddMinutes(1), 2, "q");
        await Store.MarkDispatchedAsync(old[4], cut);

        var purged = await Store.PurgeAsync(cut);

        // One dedupe key ("old") and two entries ("sent", "due").
        Assert.Equal(3, purged);
        Assert.False(await Store.IsProcessedAsync("old"));
        Assert.True(await Store.IsProcessedAsync("new"));
        Assert.Null(await Store.GetScheduledEntryAsync("due"));
        Assert.Equal(2L, (await Store.GetScheduledEntryAsync("future"))!.SequenceNumber);
        Assert.Equal(["unsent", "recent"], (await Store.GetPendingOutboxAsync(10)).Select(e => e.MessageId));
        Assert.Equal(0, await Store.PurgeAsync(cut));
        Assert.Equal(CommitResult.Committed, (await Store.CommitAsync(new RunChangeSet("old", cut))).Result);
    }
}
