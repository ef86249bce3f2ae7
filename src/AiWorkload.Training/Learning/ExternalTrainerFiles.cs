namespace AiWorkload.Training.Learning;

/// <summary>The files of one external training run, all inside its own scratch directory.</summary>
internal sealed record ExternalTrainerFiles(string Directory)
{
    public string Dataset => Path.Combine(Directory, "dataset.csv");

    public string TrainDataset => Path.Combine(Directory, "train.csv");

    public string ValidationDataset => Path.Combine(Directory, "validation.csv");

    public string Artifact => Path.Combine(Directory, "artifact.bin");

    public string Metrics => Path.Combine(Directory, "metrics.json");
}
