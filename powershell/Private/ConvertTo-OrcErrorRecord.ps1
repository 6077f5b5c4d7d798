function ConvertTo-OrcErrorRecord {
    <#
    .SYNOPSIS
        Turns a failed orc-exec call (Invoke-OrcExec result) into an ErrorRecord with a stable ID.
    .DESCRIPTION
        The ID and category come from Get-OrcExitCodeInfo (the one exit-code table); exit code 10
        is Orc.TaskNotFound (ObjectNotFound). The message
        is orc-exec's own stderr (error and hint lines) plus, for an invalid definition, every
        field/problem/fix of the orc.validate/v1 record. Hints that name an orc-exec command are
        rewritten to the cmdlet that does the same (Get-OrcTask for 'orc-exec list', ...).
    .PARAMETER Result
        The object Invoke-OrcExec returned.
    .PARAMETER TargetObject
        The task name (or definition) the call was about.
    .OUTPUTS
        System.Management.Automation.ErrorRecord
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)]
        [object] $Result,

        [object] $TargetObject
    )

    $info = Get-OrcExitCodeInfo -ExitCode $Result.ExitCode
    $errorId = $info.ErrorId
    $category = $info.Category
    $stderr = [string]$Result.StdErr

    $lines = New-Object -TypeName System.Collections.Generic.List[string]
    foreach ($record in @($Result.Records)) {
        if ($null -ne $record -and $record.PSObject.Properties['schema'] -and $record.schema -eq 'orc.validate/v1' -and $record.PSObject.Properties['errors']) {
            foreach ($problem in @($record.errors)) {
                $lines.Add(("{0}: {1} (fix: {2})" -f $problem.field, $problem.problem, $problem.fix))
            }
        }
    }
    $hintRules = @(
        , @("'orc-exec list'", 'Get-OrcTask')
        , @("'orc-exec validate --file ([^']+)'", 'Register-OrcTask -Path $1 -WhatIf')
        , @("'orc-exec validate ([^'-][^']*)'", 'Test-OrcTask -Name $1')
        , @("'orc-exec validate'", 'Test-OrcTask')
        , @("'orc-exec notify show'", 'Get-OrcNotificationSetting')
        , @("'orc-exec notify set'", 'Set-OrcNotificationSetting')
        , @("'orc-exec history[^']*'", 'Get-OrcTaskHistory')
        , @(', or register it first', ', or Register-OrcTask to create it')
    )
    $fromRecord = $lines.Count -gt 0
    foreach ($line in ($stderr -split '\r?\n')) {
        $text = ($line -replace '^orc-exec: ', '').Trim()
        if ($fromRecord -and $text -like 'error:*') {
            # The orc.validate/v1 record already said it, field by field.
            continue
        }
        if ($text -like 'hint:*') {
            # Hints name orc-exec commands; a PowerShell user needs the cmdlet that does the same.
            foreach ($rule in $hintRules) { $text = $text -replace $rule[0], $rule[1] }
        }
        if ($text -and -not $lines.Contains($text)) {
            $lines.Add($text)
        }
    }
    if ($lines.Count -eq 0) {
        $lines.Add(("{0} exited with code {1} ({2}): {3}" -f $Result.CommandLine, $Result.ExitCode, $info.Name, $info.Description))
    }
    $message = $lines.ToArray() -join [System.Environment]::NewLine
    New-OrcErrorRecord -Message $message -ErrorId $errorId -Category $category -TargetObject $TargetObject
}
