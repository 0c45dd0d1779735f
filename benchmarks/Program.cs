using BenchmarkDotNet.Running;

if (args.FirstOrDefault() == "fanout")
{
    return await FrontDesk.Benchmarks.FanOut.FanOutBenchmark.RunAsync(args[1..]);
}
if (args.FirstOrDefault() == "heap")
{
    return await FrontDesk.Benchmarks.FanOut.HeapBenchmark.RunAsync(args[1..]);
}
if (args.FirstOrDefault() == "bytes")
{
    return await FrontDesk.Benchmarks.FanOut.DeskBenchmarks.BytesAsync(args[1..]);
}
if (args.FirstOrDefault() == "throughput")
{
    return await FrontDesk.Benchmarks.Throughput.ThroughputBenchmark.RunAsync(args[1..]);
}
if (args.FirstOrDefault() == "checkout-history")
{
    return await FrontDesk.Benchmarks.CheckoutHistoryBenchmark.RunAsync(args[1..]);
}
if (args.FirstOrDefault() == "firstrender")
{
    return await FrontDesk.Benchmarks.FanOut.DeskBenchmarks.FirstRenderAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(FrontDesk.Benchmarks.ClientSearchBenchmarks).Assembly).Run(args);
return 0;
