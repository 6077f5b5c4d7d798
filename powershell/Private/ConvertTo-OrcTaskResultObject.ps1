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

    process {
        $get = {
            param($Name)
            $property = $Record.PSObject.Properties[$Name]
            if ($property) { return $property.Value }
            return $null
        }
        $start = ConvertTo-OrcDateTime (& $get 'start')
        $end = ConvertTo-OrcDateTime (& $get 'end')
        $durationMs = & $get 'durationMs'
        $duration = $null
        if ($null -ne $durationMs) { $duration = [timespan]::FromMilliseconds([double]$durationMs) }
        [pscustomobject]@{
            PSTypeName   = 'Orchestrator.TaskResult'
            Task         = & $get 'task'
            RunId        = & $get 'runId'
            Status       = & $get 'status'
            Reason       = & $get 'reason'
            Trigger      = & $get 'trigger'
            Host         = & $get 'host'
            Start        = $start
            End          = $end
            Duration     = $duration
            ExitCode     = & $get 'exitCode'
            OrcExitCode  = & $get 'orcExitCode'
            Attempts     = @(& $get 'attempts').Count
            Dependencies = @(& $get 'dependencies' | Where-Object { $null -ne $_ })
            OutputFile   = & $get 'outputFile'
            OutputTail   = & $get 'outputTail'
            Record       = $Record
        }
    }
}
