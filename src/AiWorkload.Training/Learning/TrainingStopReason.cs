namespace AiWorkload.Training.Learning;

/// <summary>Why a training run ended; tells a reader of the outcome whether more epochs or more time could help.</summary>
public enum TrainingStopReason
{
    /// <summary>Solved exactly in one step; epochs do not apply.</summary>
    ClosedFormSolution,

    MaxEpochsReached,

    /// <summary>Validation loss stopped improving; the model is the best epoch's.</summary>
    EarlyStopping,

    /// <summary>The time budget ran out; the model is the best epoch's so far.</summary>
    TimeBudgetExhausted,

    /// <summary>An external program finished; how it stopped is its own business.</summary>
    ExternalProgramCompleted,
}
