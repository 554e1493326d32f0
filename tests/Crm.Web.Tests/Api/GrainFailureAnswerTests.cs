using Crm.Grains.Customers;
using Crm.Grains.Validation;
using Crm.Web.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Crm.Web.Tests.Api;

/// <summary>
/// What Orleans raises for overload, timeouts and lost nodes, and what it wraps (a storage error inside its
/// persistent-state bridge), still answers with the status and problem details the service promises.
/// </summary>
public sealed class GrainFailureAnswerTests
{
    public static TheoryData<Exception, int, bool> Failures => new()
    {
        { new LimitExceededException("too many requests queued"), StatusCodes.Status503ServiceUnavailable, true },
        { new TimeoutException("Response did not arrive on time"), StatusCodes.Status503ServiceUnavailable, true },
        { new SiloUnavailableException("silo gone"), StatusCodes.Status503ServiceUnavailable, true },
        { new OperationCanceledException("Message expired before placement could complete for grain customer/x."), StatusCodes.Status503ServiceUnavailable, true },
        { new OrleansException("Error from storage provider", new InconsistentStateException("stale", "1", "2")), StatusCodes.Status409Conflict, false },
        { new OrleansException("activation failed", new AggregateException(new TimeoutException("storage read timed out"))), StatusCodes.Status503ServiceUnavailable, true },
        { new OrleansException("wrapped", new DomainValidationException(new ValidationError("email", "must be an email address"))), StatusCodes.Status400BadRequest, false },
        { new CustomerNotFoundException("c-1"), StatusCodes.Status404NotFound, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_known_failure_is_answered_with_its_status_even_inside_a_wrapper(Exception failure, int status, bool retryAfter)
    {
        var context = NewContext();

        var handled = await context.RequestServices.GetRequiredService<IExceptionHandler>().TryHandleAsync(context, failure, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(retryAfter ? "1" : null, context.Response.Headers.RetryAfter.FirstOrDefault());
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task An_unknown_failure_is_left_to_the_default_handler()
    {
        var context = NewContext();

        var handled = await context.RequestServices.GetRequiredService<IExceptionHandler>().TryHandleAsync(context, new OrleansException("unknown", new InvalidOperationException("bug")), CancellationToken.None);

        Assert.False(handled);
    }

    [Fact]
    public async Task A_request_its_client_abandoned_is_left_to_the_default_handler()
    {
        var context = NewContext();
        using var abandoned = new CancellationTokenSource();
        context.RequestAborted = abandoned.Token;
        abandoned.Cancel();

        var handled = await context.RequestServices.GetRequiredService<IExceptionHandler>().TryHandleAsync(context, new OperationCanceledException(abandoned.Token), CancellationToken.None);

        Assert.False(handled);
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging().AddCrmErrorHandling().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }
}
