// One browser at a time: the machine has two cores, and the live tests measure seconds.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
