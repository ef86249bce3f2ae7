using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class TrainingOptionsTests
{
    public static TheoryData<TrainingOptions, string> InvalidOptions => new()
    {
        { TrainingOptions.Default with { ValidationFraction = 0 }, nameof(TrainingOptions.ValidationFraction) },
        { TrainingOptions.Default with { ValidationFraction = 1 }, nameof(TrainingOptions.ValidationFraction) },
        { TrainingOptions.Default with { L2 = -1 }, nameof(TrainingOptions.L2) },
        { TrainingOptions.Default with { LearningRate = double.NaN }, nameof(TrainingOptions.LearningRate) },
        { TrainingOptions.Default with { MaxEpochs = 0 }, nameof(TrainingOptions.MaxEpochs) },
        { TrainingOptions.Default with { BatchSize = 0 }, nameof(TrainingOptions.BatchSize) },
        { TrainingOptions.Default with { EarlyStoppingPatience = 0 }, nameof(TrainingOptions.EarlyStoppingPatience) },
        { TrainingOptions.Default with { EarlyStoppingMinDelta = -0.1 }, nameof(TrainingOptions.EarlyStoppingMinDelta) },
        { TrainingOptions.Default with { TimeBudget = TimeSpan.Zero }, nameof(TrainingOptions.TimeBudget) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_values_name_the_offending_option(TrainingOptions options, string property)
    {
        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        TrainingOptions.Default.Validate();
        Assert.Equal(42, TrainingOptions.Default.Seed);
        Assert.Equal(0.2, TrainingOptions.Default.ValidationFraction);
    }
}
