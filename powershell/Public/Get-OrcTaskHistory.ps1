function Get-OrcTaskHistory {
    <#
    .SYNOPSIS
        Gets the recorded runs of Orchestrator tasks, oldest first.
    .DESCRIPTION
        Get-OrcTaskHistory reads orc-exec's history ('orc-exec history'): one
        Orchestrator.TaskResult per run with its status (SUCCESS, FAILED, TIMEOUT, SKIPPED,
        STOPPED, DISABLED, ERROR, RUNNING), reason, start, duration, exit codes, attempts,
        dependency results and the tail of its output. History is kept after a task is
        unregistered.
    .PARAMETER Name
        The tasks whose runs to get; wildcards are accepted. Default: every task.
    .PARAMETER Last
        Only the newest N runs (per task when names are given).
    .PARAMETER Since
        Only runs that started at or after this time.
    .PARAMETER Status
        Only runs with this status.
    .EXAMPLE
        Get-OrcTaskHistory -Name db-export -Last 10

        Shows the ten newest runs of db-export.
    .EXAMPLE
        Get-OrcTaskHistory -Since (Get-Date).AddDays(-1) -Status FAILED

        Shows every failed run of the last 24 hours, of every task.
    .EXAMPLE
        Get-OrcTaskHistory -Name db-export -Last 1 | Select-Object -ExpandProperty OutputTail

        Shows the end of the newest run's output.
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        Orchestrator.TaskResult
    .LINK
        Get-OrcTask
    .LINK
        Start-OrcTask
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.TaskResult')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name,

        [ValidateRange(1, 1000000)]
        [int] $Last,

        [datetime] $Since,

        [ValidateSet('SUCCESS', 'FAILED', 'TIMEOUT', 'SKIPPED', 'STOPPED', 'DISABLED', 'ERROR', 'RUNNING')]
        [string] $Status
    )

    begin {
        $storeHome = Get-OrcStoreHome
        $filters = @()
        if ($PSBoundParameters.ContainsKey('Last')) { $filters += @('--last', [string]$Last) }
        if ($PSBoundParameters.ContainsKey('Since')) {
            $filters += @('--since', ([System.DateTimeOffset]$Since).ToString('yyyy-MM-ddTHH:mm:sszzz', [System.Globalization.CultureInfo]::InvariantCulture))
        }
        if ($PSBoundParameters.ContainsKey('Status')) { $filters += @('--status', $Status.ToUpperInvariant()) }

        function Read-History([string[]] $Arguments) {
            $history = Invoke-OrcExec -ArgumentList ($Arguments + $filters) -StoreHome $storeHome
            if ($history.ExitCode -ne 0) {
                $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $history -TargetObject ($Arguments -join ' ')))
                return
            }
            foreach ($record in @($history.Records)) {
                if ($record.schema -eq 'orc.result/v1') { ConvertTo-OrcTaskResultObject -Record $record }
            }
        }
    }

    process {
        if (-not $PSBoundParameters.ContainsKey('Name') -or -not $Name) {
            Read-History @('history')
            return
        }
        foreach ($pattern in $Name) {
            if (-not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
                Read-History @('history', $pattern)
                continue
            }
            # Names from the history folder: runs of unregistered tasks count too.
            $folder = Join-Path $storeHome 'history'
            $names = @(Get-ChildItem -Path $folder -Filter '*.jsonl' -File -ErrorAction SilentlyContinue |
                    ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_.Name) } |
                    Where-Object { $_ -like $pattern } | Sort-Object)
            foreach ($taskName in $names) {
                Read-History @('history', $taskName)
            }
        }
    }
}
