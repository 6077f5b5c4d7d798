function ConvertTo-OrcTaskResultObject {
    <#
    .SYNOPSIS
        Turns an orc.result/v1 record into an Orchestrator.TaskResult object.
    .DESCRIPTION
        Keeps every field orc-exec wrote (as Record) and surfaces the useful ones with PowerShell
        names and types: Start/End as local DateTime, Duration as TimeSpan.
    .PARAMETER Record
        One orc.result/v1 record (ConvertFrom-Json output).
    .OUTPUTS
        Orchestrator.TaskResult
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.TaskResult')]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [object] $Record
    )

    begin {
        # orc-exec leaves empty fields out: a missing property reads as $null (strict mode is off
        # in this function only). Get-OrcTask converts a thousand last results in one pipeline,
        # so the per-record work is plain property reads, no scriptblock or cmdlet per field.
        Set-StrictMode -Off
    }

    process {
        # PowerShell 7's ConvertFrom-Json already made DateTimes; 5.1 leaves strings.
        $start = $Record.start
        if ($start -is [datetime]) { $start = $start.ToLocalTime() } else { $start = ConvertTo-OrcDateTime $start }
        $end = $Record.end
        if ($end -is [datetime]) { $end = $end.ToLocalTime() } else { $end = ConvertTo-OrcDateTime $end }
        $durationMs = $Record.durationMs
        $duration = $null
        if ($null -ne $durationMs) { $duration = [timespan]::FromMilliseconds([double]$durationMs) }
        [pscustomobject]@{
            PSTypeName   = 'Orchestrator.TaskResult'
            Task         = $Record.task
            RunId        = $Record.runId
            Status       = $Record.status
            Reason       = $Record.reason
            Trigger      = $Record.trigger
            Host         = $Record.host
            Start        = $start
            End          = $end
            Duration     = $duration
            ExitCode     = $Record.exitCode
            OrcExitCode  = $Record.orcExitCode
            Attempts     = @($Record.attempts).Count
            Dependencies = @(foreach ($dependency in $Record.dependencies) { if ($null -ne $dependency) { $dependency } })
            OutputFile   = $Record.outputFile
            OutputTail   = $Record.outputTail
            Record       = $Record
        }
    }
}
