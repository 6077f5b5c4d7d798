function New-OrcErrorRecord {
    <#
    .SYNOPSIS
        Builds an ErrorRecord with a stable Orc.* error ID, a category and a target.
    .PARAMETER Message
        What went wrong and, ideally, the fix.
    .PARAMETER ErrorId
        The stable ID, e.g. Orc.TaskNotFound.
    .PARAMETER Category
        The ErrorCategory.
    .PARAMETER TargetObject
        The object the error is about (usually the task name).
    .PARAMETER Exception
        An inner exception to keep.
    .OUTPUTS
        System.Management.Automation.ErrorRecord
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)]
        [string] $Message,

        [Parameter(Mandatory)]
        [string] $ErrorId,

        [System.Management.Automation.ErrorCategory] $Category = 'NotSpecified',

        [object] $TargetObject,

        [System.Exception] $Exception
    )

    if ($Exception) {
        $ex = New-Object -TypeName System.InvalidOperationException -ArgumentList $Message, $Exception
    }
    else {
        $ex = New-Object -TypeName System.InvalidOperationException -ArgumentList $Message
    }
    New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $ex, $ErrorId, $Category, $TargetObject
}
