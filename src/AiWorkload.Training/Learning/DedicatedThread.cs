namespace AiWorkload.Training.Learning;

/// <summary>
/// Runs CPU-bound training on a thread of its own. A run can take minutes, and a thread-pool thread held that long
/// can starve the pool of the workers that run timer and I/O callbacks — including the cancellation timer meant to
/// stop the run. MathNet's parallel kernels keep completing small work items meanwhile, which hides the starvation
/// from the pool's thread-injection heuristic, so the pool would not rescue itself.
/// </summary>
internal static class DedicatedThread
{
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
}
