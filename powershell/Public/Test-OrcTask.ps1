function Test-OrcTask {
    <#
    .SYNOPSIS
        Validates an Orchestrator task's definition and runs its dependency checks once, without running the task.
    .DESCRIPTION
        Test-OrcTask has orc-exec validate the stored definition ('orc-exec validate'); an invalid
        one is reported as an Orc.InvalidDefinition error naming every field, problem and fix.
        Then it runs only the task's dependency checks ('orc-exec check') and returns one
        Orchestrator.CheckResult per check: whether it is met, why, and how long it took.
        With -Quiet it returns $true when the definition is valid and every dependency is met.
    .PARAMETER Name
        The tasks to test.
    .PARAMETER Quiet
        Return only $true or $false per task.
    .EXAMPLE
        Test-OrcTask -Name db-export

        Shows each dependency check of db-export (for example tcp db01:1433) and whether it is met now.
    .EXAMPLE
        if (Test-OrcTask -Name db-export -Quiet) { Start-OrcTask -Name db-export }

        Starts db-export only when its definition is valid and its dependencies are met.
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        Orchestrator.CheckResult, or System.Boolean with -Quiet.
    .LINK
        Get-OrcTask
    .LINK
        about_Orchestrator
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.CheckResult', [bool])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name,

        [switch] $Quiet
    )

    begin {
        $storeHome = Get-OrcStoreHome
    }

    process {
        foreach ($taskName in $Name) {
            $validated = Invoke-OrcExec -ArgumentList @('validate', $taskName) -StoreHome $storeHome
            if ($validated.ExitCode -ne 0) {
                if ($Quiet) {
                    $false
                    continue
                }
                $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $validated -TargetObject $taskName))
                continue
            }
            $checked = Invoke-OrcExec -ArgumentList @('check', $taskName) -StoreHome $storeHome
            $report = @($checked.Records | Where-Object { $_.schema -eq 'orc.check/v1' }) | Select-Object -First 1
            if (($checked.ExitCode -ne 0 -and $checked.ExitCode -ne 6) -or -not $report) {
                if ($Quiet) {
                    $false
                    continue
                }
                $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $checked -TargetObject $taskName))
                continue
            }
            if ($Quiet) {
                [bool]$report.met
                continue
            }
            $dependencies = @($report.dependencies | Where-Object { $null -ne $_ })
            if ($dependencies.Count -eq 0) {
                Write-Information -MessageData "Task '$taskName' is valid and has no dependency checks." -Tags 'Orchestrator'
            }
            foreach ($dependency in $dependencies) {
                [pscustomobject]@{
                    PSTypeName = 'Orchestrator.CheckResult'
                    Task       = $taskName
                    Name       = $dependency.name
                    Type       = $dependency.type
                    Met        = [bool]$dependency.met
                    Reason     = $dependency.reason
                    Duration   = [timespan]::FromMilliseconds([double]$dependency.durationMs)
                }
            }
        }
    }
}
