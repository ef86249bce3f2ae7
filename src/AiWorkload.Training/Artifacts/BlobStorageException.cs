using System.Net;

namespace AiWorkload.Training.Artifacts;

/// <summary>The Blob service refused a request; <see cref="ErrorCode"/> is its <c>x-ms-error-code</c>.</summary>
public sealed class BlobStorageException : Exception
{
    public BlobStorageException(string message, HttpStatusCode status, string? errorCode)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public BlobStorageException()
    {
    }

    public BlobStorageException(string message)
        : base(message)
    {
    }

    public BlobStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }

    public string? ErrorCode { get; }
}
