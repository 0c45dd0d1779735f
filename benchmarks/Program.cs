using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FrontDesk.Benchmarks.ClientSearchBenchmarks).Assembly).Run(args);
